//! Every subcommand on arbitrary bytes: the first byte picks the command line
//! (`hlmsg::app::fuzz::COMMANDS`), the rest is standard input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    hlmsg::app::fuzz::exercise_one(data);
});
