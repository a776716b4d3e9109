//! The hlmsg binary: hands the command line to the application and exits with its code.

fn main() -> std::process::ExitCode {
    hlmsg::app::main()
}
