# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hlmsg_global_optspecs
    string join \n j/jobs= color= no-progress h/help V/version
end

function __fish_hlmsg_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hlmsg_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hlmsg_using_subcommand
    set -l cmd (__fish_hlmsg_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hlmsg -n "__fish_hlmsg_needs_command" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_needs_command" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_needs_command" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "validate" -d 'Check payloads against the bundled schemas and semantic rules'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "classify" -d 'Tell the channel of each payload, summarize a capture, filter or split it by channel'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "show" -d 'Pretty-print payloads: a summary card, the body as text, and colored JSON'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "pretty" -d 'Pretty-print payloads: a summary card, the body as text, and colored JSON'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "diff" -d 'Compare two payloads or captures, or payloads with the schemas (--schema)'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "verify" -d 'Check HighLevel\'s signature of each delivery over its exact raw body'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "schema" -d 'Print a bundled JSON Schema, or list them'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "sample" -d 'Print a bundled sample payload, or generate realistic synthetic payloads'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "rules" -d 'List the rules behind validate\'s findings, or explain one'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "completions" -d 'Print a shell completion script: bash, zsh, fish, powershell or elvish'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "man" -d 'Print hlmsg\'s manual page (roff), covering every subcommand'
complete -c hlmsg -n "__fish_hlmsg_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l max-payload-size -d 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l max-depth -d 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l input -d 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node\'s output)' -r -f -a "auto\t'Detect: raw HTTP requests, envelopes, or bare payloads'
payload\t'Bare payloads only (an object with `headers` and `body` is a payload too)'
http\t'Raw HTTP requests, one after another'
envelope\t'JSON envelopes {"headers": {…}, "body": {…} or "…"}, alone or in an array'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l event -d 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l schema -d 'Schema to check against: auto (email schema for emails, message schema otherwise), message, email, or the path of a JSON Schema file' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -s f -l format -d 'Output format' -r -f -a "human\t'One line per finding, `source:line:column: severity[rule]: /pointer: message`'
json\t'JSON Lines: one object per payload, then a summary object'
github\t'GitHub Actions workflow commands (annotations)'
junit\t'A JUnit XML report, one test case per payload'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l published -d 'Use the schemas exactly as HighLevel\'s documentation publishes them instead of hlmsg\'s refined schemas'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l strict -d 'Treat warnings as errors'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -s v -l verbose -d 'Also print a line for each payload without findings'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l redact -d 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand validate" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l max-payload-size -d 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l max-depth -d 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l input -d 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node\'s output)' -r -f -a "auto\t'Detect: raw HTTP requests, envelopes, or bare payloads'
payload\t'Bare payloads only (an object with `headers` and `body` is a payload too)'
http\t'Raw HTTP requests, one after another'
envelope\t'JSON envelopes {"headers": {…}, "body": {…} or "…"}, alone or in an array'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l event -d 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -s f -l format -d 'Output format of the report' -r -f -a "human\t'`source:line:column  CHANNEL  (by FIELD)` per payload, then a summary table'
json\t'JSON Lines: one object per payload, then a summary object'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l only -d 'Instead of the report, write each payload of CHANNEL to standard output, one per line (repeatable)' -r -f -a "call\t'Phone calls, answered or reaching voicemail'
voicemail\t'Voicemail drops'
sms\t'Text messages'
gmb\t'Google Business Profile messages'
fb\t'Facebook Messenger'
ig\t'Instagram Direct'
email\t'Email'
live-chat\t'Live chat (web chat widget)'
whatsapp\t'WhatsApp'
internal-comment\t'A note visible only to the team'
custom\t'A custom conversation provider\'s message of no named medium'
rcs\t'RCS business messaging'
tiktok\t'TikTok messages and comments'
review\t'Reviews'
activity\t'Timeline activity entries, not messages to a contact'
form-submission\t'Form submissions'
unknown\t'No known channel'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l split -d 'Write every payload to DIR/<channel>.ndjson (same bytes rule as --only), creating DIR; then print the count per file and `N read, N written, N unreadable`. Payloads of other HighLevel events go to DIR/<event>.ndjson (contact-create.ndjson, ...)' -r -F
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -s s -l summary -d 'Print only the summary table'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l redact -d 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand classify" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l max-payload-size -d 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l max-depth -d 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l input -d 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node\'s output)' -r -f -a "auto\t'Detect: raw HTTP requests, envelopes, or bare payloads'
payload\t'Bare payloads only (an object with `headers` and `body` is a payload too)'
http\t'Raw HTTP requests, one after another'
envelope\t'JSON envelopes {"headers": {…}, "body": {…} or "…"}, alone or in an array'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l event -d 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -s f -l format -d 'Output format' -r -f -a "card\t'A card, the body as text, and the pretty JSON of each payload'
json\t'Only the pretty JSON (colored on a terminal), keys in the order they arrived'
compact\t'One compact JSON line per payload (an NDJSON formatter), key order kept'
table\t'One row per payload: source:line, date, channel, direction, status, contact, body preview'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l fields -d 'Only these fields in the card or the table, comma-separated' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l now -d 'The time ages are measured from (RFC 3339), instead of now' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l full -d 'Show whole bodies, however long'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l redact -d 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand show" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l max-payload-size -d 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l max-depth -d 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l input -d 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node\'s output)' -r -f -a "auto\t'Detect: raw HTTP requests, envelopes, or bare payloads'
payload\t'Bare payloads only (an object with `headers` and `body` is a payload too)'
http\t'Raw HTTP requests, one after another'
envelope\t'JSON envelopes {"headers": {…}, "body": {…} or "…"}, alone or in an array'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l event -d 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -s f -l format -d 'Output format' -r -f -a "card\t'A card, the body as text, and the pretty JSON of each payload'
json\t'Only the pretty JSON (colored on a terminal), keys in the order they arrived'
compact\t'One compact JSON line per payload (an NDJSON formatter), key order kept'
table\t'One row per payload: source:line, date, channel, direction, status, contact, body preview'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l fields -d 'Only these fields in the card or the table, comma-separated' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l now -d 'The time ages are measured from (RFC 3339), instead of now' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l full -d 'Show whole bodies, however long'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l redact -d 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand pretty" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l schema -d 'Compare payloads with a schema\'s shape instead of with each other: auto (the default), message, email, or a JSON Schema FILE' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l ignore -d 'Leave a place out of the comparison (repeatable)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -s f -l format -d 'Output format: human, json (JSON Lines), json-patch (an RFC 6902 patch that turns LEFT into RIGHT; two single payloads only) or markdown (with --schema: the report as GitHub-flavoured Markdown tables)' -r -f -a "human\t'One line per difference, `~ /pointer: left → right`, then a summary line'
json\t'JSON Lines: one object per difference, then a summary object'
json-patch\t'One RFC 6902 JSON Patch that turns LEFT into RIGHT (two single payloads only)'
markdown\t'With `--schema`: the report as GitHub-flavoured Markdown tables'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l max-payload-size -d 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l max-depth -d 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l input -d 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node\'s output)' -r -f -a "auto\t'Detect: raw HTTP requests, envelopes, or bare payloads'
payload\t'Bare payloads only (an object with `headers` and `body` is a payload too)'
http\t'Raw HTTP requests, one after another'
envelope\t'JSON envelopes {"headers": {…}, "body": {…} or "…"}, alone or in an array'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l event -d 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l by-channel -d 'With --schema: split the report by channel (the channel classify tells)'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l allow-extra -d 'With --schema: extra fields are reported but do not fail the run'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l published -d 'Use the schemas exactly as HighLevel\'s documentation publishes them instead of hlmsg\'s refined schemas'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l ignore-ids -d 'Ignore the fields that differ between two deliveries of the same kind of message'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l by-position -d 'Pair the payloads of two captures by position, not by messageId'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l redact -d 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand diff" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l max-payload-size -d 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l max-depth -d 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l input -d 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node\'s output)' -r -f -a "auto\t'Detect: raw HTTP requests, envelopes, or bare payloads'
payload\t'Bare payloads only (an object with `headers` and `body` is a payload too)'
http\t'Raw HTTP requests, one after another'
envelope\t'JSON envelopes {"headers": {…}, "body": {…} or "…"}, alone or in an array'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l event -d 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l public-key -d 'A public key to use instead of HighLevel\'s key of that scheme (repeatable: one per scheme): a PEM file (Ed25519 or RSA), a file holding an Ed25519 key\'s 32 bytes raw, in hex or in base64, or the hex or base64 key itself' -r -F
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l app-id -d 'Fail deliveries for another marketplace app: their `appId` must be ID (a client id\'s part before the first `-` is accepted too), as HighLevel\'s SDKs check first' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l signature -d 'The signature (base64) of every body read, for bare bodies without headers' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l scheme -d 'The scheme of --signature' -r -f -a "ed25519\t'Ed25519 (X-GHL-Signature)'
rsa\t'RSA PKCS#1 v1.5 with SHA-256 (X-WH-Signature)'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l max-age -d 'Fail deliveries whose `timestamp` is older than this (e.g. 300, 90s, 5m, 1h, 2d)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l now -d 'The time ages are measured from (RFC 3339), instead of now' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -s f -l format -d 'Output format' -r -f -a "human\t'`source:line:column: verified (ed25519)` or `FAILED (reason)`, then a summary line'
json\t'JSON Lines: one object per delivery, then a summary object'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l reserialize -d 'When an envelope holds the parsed body, try HighLevel\'s compact serialization of it'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand verify" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -l published -d 'Use the schemas exactly as HighLevel\'s documentation publishes them instead of hlmsg\'s refined schemas'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -s l -l list -d 'List the bundled schemas with their $id instead'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand schema" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s n -l count -d 'Generate N synthetic payloads, one compact JSON object per line (NDJSON)' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s s -l seed -d 'Seed of the generator; the same seed gives the same payloads, byte for byte' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s c -l channel -d 'Only payloads of CHANNEL (repeatable), in their proportions to each other' -r -f -a "call\t'Phone calls, answered or reaching voicemail'
voicemail\t'Voicemail drops'
sms\t'Text messages'
gmb\t'Google Business Profile messages'
fb\t'Facebook Messenger'
ig\t'Instagram Direct'
email\t'Email'
live-chat\t'Live chat (web chat widget)'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -l invalid-rate -d 'Share of payloads, from 0 to 1, that break the refined schema on purpose' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s l -l list -d 'List the bundled samples with their channel'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -l events -d 'Write a mixed capture, as a webhook URL receives it: every event, not only OutboundMessage'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand sample" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand rules" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand rules" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand rules" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand rules" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand rules" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand completions" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand completions" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand completions" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand man" -s j -l jobs -d 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number' -r
complete -c hlmsg -n "__fish_hlmsg_using_subcommand man" -l color -d 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t'Color when the stream is a terminal and `NO_COLOR` is not set'
always\t'Always color, even into a pipe or a file'
never\t'Never color'"
complete -c hlmsg -n "__fish_hlmsg_using_subcommand man" -l no-progress -d 'Never show a progress bar'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand man" -s V -l version -d 'Print version'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "validate" -d 'Check payloads against the bundled schemas and semantic rules'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "classify" -d 'Tell the channel of each payload, summarize a capture, filter or split it by channel'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "show" -d 'Pretty-print payloads: a summary card, the body as text, and colored JSON'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "diff" -d 'Compare two payloads or captures, or payloads with the schemas (--schema)'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "verify" -d 'Check HighLevel\'s signature of each delivery over its exact raw body'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "schema" -d 'Print a bundled JSON Schema, or list them'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "sample" -d 'Print a bundled sample payload, or generate realistic synthetic payloads'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "rules" -d 'List the rules behind validate\'s findings, or explain one'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "completions" -d 'Print a shell completion script: bash, zsh, fish, powershell or elvish'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "man" -d 'Print hlmsg\'s manual page (roff), covering every subcommand'
complete -c hlmsg -n "__fish_hlmsg_using_subcommand help; and not __fish_seen_subcommand_from validate classify show diff verify schema sample rules completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
