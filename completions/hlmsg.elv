
use builtin;
use str;

set edit:completion:arg-completer[hlmsg] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hlmsg'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hlmsg'= {
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand validate 'Check payloads against the bundled schemas and semantic rules'
            cand classify 'Tell the channel of each payload, summarize a capture, filter or split it by channel'
            cand show 'Pretty-print payloads: a summary card, the body as text, and colored JSON'
            cand pretty 'Pretty-print payloads: a summary card, the body as text, and colored JSON'
            cand diff 'Compare two payloads or captures, or payloads with the schemas (--schema)'
            cand verify 'Check HighLevel''s signature of each delivery over its exact raw body'
            cand listen 'Receive deliveries over HTTP and check each one as it arrives'
            cand send 'POST payloads to a webhook handler: files, captures, samples or generated ones'
            cand keygen 'Write a test key pair of each signature scheme (Ed25519 and RSA-4096)'
            cand schema 'Print a bundled JSON Schema, or list them'
            cand sample 'Print a bundled sample payload, or generate realistic synthetic payloads'
            cand rules 'List the rules behind validate''s findings, or explain one'
            cand completions 'Print a shell completion script: bash, zsh, fish, powershell or elvish'
            cand man 'Print hlmsg''s manual page (roff), covering every subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hlmsg;validate'= {
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --schema 'Schema to check against: auto (the bundled schema of each payload''s event and channel), message, email, inbound, inbound-email, provider, or the path of a JSON Schema file'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --max-findings 'Print at most N findings; the rest are counted, and a line says how many were not shown'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand --published 'Use the schemas exactly as HighLevel''s documentation publishes them instead of hlmsg''s refined schemas'
            cand --strict 'Treat warnings as errors'
            cand -v 'Also print a line for each payload without findings, and every repeated note'
            cand --verbose 'Also print a line for each payload without findings, and every repeated note'
            cand -q 'Print errors and the summary line only; twice (-qq), the summary line alone'
            cand --quiet 'Print errors and the summary line only; twice (-qq), the summary line alone'
            cand --fail-fast 'Stop at the first payload that fails (exit 1); the rest of the input is not read'
            cand --statistics 'After the findings, a table of them by rule and severity: how many, in how many payloads, and where each was first seen (in JSON, one `statistics` record)'
            cand --redact 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;classify'= {
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand -f 'Output format of the report'
            cand --format 'Output format of the report'
            cand --only 'Instead of the report, write each payload of CHANNEL to standard output, one per line (repeatable)'
            cand --split 'Write every payload to DIR/<channel>.ndjson (same bytes rule as --only), creating DIR; then print the count per file and `N read, N written, N unreadable`. Payloads of other HighLevel events go to DIR/<event>.ndjson (contact-create.ndjson, ...)'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand -s 'Print only the summary table'
            cand --summary 'Print only the summary table'
            cand --redact 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;show'= {
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --fields 'Only these fields in the card or the table, comma-separated'
            cand --now 'The time ages are measured from (RFC 3339), instead of now'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand --full 'Show whole bodies, however long'
            cand --redact 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;pretty'= {
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --fields 'Only these fields in the card or the table, comma-separated'
            cand --now 'The time ages are measured from (RFC 3339), instead of now'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand --full 'Show whole bodies, however long'
            cand --redact 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;diff'= {
            cand --schema 'Compare payloads with a schema''s shape instead of with each other: auto (the default), message, email, inbound, inbound-email, provider, or a JSON Schema FILE'
            cand --ignore 'Leave a place out of the comparison (repeatable)'
            cand -f 'Output format: human, json (JSON Lines), json-patch (an RFC 6902 patch that turns LEFT into RIGHT; two single payloads only) or markdown (with --schema: the report as GitHub-flavoured Markdown tables)'
            cand --format 'Output format: human, json (JSON Lines), json-patch (an RFC 6902 patch that turns LEFT into RIGHT; two single payloads only) or markdown (with --schema: the report as GitHub-flavoured Markdown tables)'
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --by-channel 'With --schema: split the report by channel (the channel classify tells)'
            cand --allow-extra 'With --schema: extra fields are reported but do not fail the run'
            cand --drift-only 'With --schema: list only the fields that are not ok (the summary still counts them all)'
            cand -v 'With --schema: up to 5 places where each field drifts, instead of the first'
            cand --verbose 'With --schema: up to 5 places where each field drifts, instead of the first'
            cand --published 'Use the schemas exactly as HighLevel''s documentation publishes them instead of hlmsg''s refined schemas'
            cand --ignore-ids 'Ignore the fields that differ between two deliveries of the same kind of message'
            cand --by-position 'Pair the payloads of two captures by position, not by messageId'
            cand --full 'Show a long string that changed whole, every change marked, instead of the changes with some context around each'
            cand --redact 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;verify'= {
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --public-key 'A public key to use instead of HighLevel''s key of that scheme (repeatable: one per scheme): a PEM file (Ed25519 or RSA), a file holding an Ed25519 key''s 32 bytes raw, in hex or in base64, or the hex or base64 key itself'
            cand --app-id 'Fail deliveries for another marketplace app: their `appId` must be ID (a client id''s part before the first `-` is accepted too), as HighLevel''s SDKs check first'
            cand --signature 'The signature (base64) of every body read, for bare bodies without headers'
            cand --scheme 'The scheme of --signature'
            cand --max-age 'Fail deliveries whose `timestamp` is older than this (e.g. 300, 90s, 5m, 1h, 2d)'
            cand --now 'The time ages are measured from (RFC 3339), instead of now'
            cand -f 'Output format'
            cand --format 'Output format'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand --reserialize 'When an envelope holds the parsed body, try HighLevel''s compact serialization of it'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;listen'= {
            cand --port 'The port to listen on (0: a free one, printed at start)'
            cand --bind 'The address to listen on. Anything but a loopback address makes the port reachable from other machines, and the startup line says so'
            cand --status 'The status every delivery is answered with (to rehearse HighLevel''s retries: 500)'
            cand --record 'Append every delivery, headers and exact body, to FILE as a raw HTTP capture (which validate, verify, diff and the rest read). Never truncated; each delivery is written whole and flushed'
            cand -f 'Output format'
            cand --format 'Output format'
            cand --max-body-size 'The largest body accepted (larger ones are answered 413)'
            cand --max-header-size 'The largest request head (request line and headers) accepted'
            cand --read-timeout 'How long a client may take to send its request head and its body'
            cand --max-connections 'The most connections served at once (more are answered 503)'
            cand --forward-to 'Pass every delivery on to this handler (http://): same method, path (appended to the URL''s), headers and exact body, so the handler''s own signature check still passes. The answer to HighLevel is then the handler''s status (502 when it is down, 504 when slow)'
            cand --forward-timeout 'How long to wait for the handler''s answer'
            cand --public-key 'A public key to check signatures with instead of HighLevel''s (as `verify` takes it)'
            cand --app-id 'Fail deliveries for another marketplace app (as `verify --app-id`)'
            cand --max-age 'Fail deliveries whose `timestamp` is older than this when they arrive'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;send'= {
            cand --max-payload-size 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)'
            cand --max-depth 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)'
            cand --input 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)'
            cand --event 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate'
            cand --where 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold'
            cand -g 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --glob 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)'
            cand --sample 'Send a bundled sample instead (repeatable)'
            cand --generate 'Send N generated payloads instead (as `hlmsg sample --count N`)'
            cand --seed 'The generator''s seed'
            cand --sign 'Sign bare payloads with this private key (PEM): Ed25519 into X-GHL-Signature, RSA into X-WH-Signature. Make one with `hlmsg keygen`'
            cand --concurrency 'Deliveries in flight at once'
            cand --rate 'At most this many deliveries a second (0: as fast as the handler answers)'
            cand --timeout 'How long to wait for an answer'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --hidden 'Walk into hidden files and folders too'
            cand --no-ignore 'Read files that .gitignore, .ignore or .git/info/exclude exclude'
            cand --json 'JSON Lines instead of a line per delivery (schemas/output/send.schema.json)'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;keygen'= {
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;schema'= {
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --published 'Use the schemas exactly as HighLevel''s documentation publishes them instead of hlmsg''s refined schemas'
            cand -l 'List the bundled schemas with their $id instead'
            cand --list 'List the bundled schemas with their $id instead'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;sample'= {
            cand -n 'Generate N synthetic payloads, one compact JSON object per line (NDJSON)'
            cand --count 'Generate N synthetic payloads, one compact JSON object per line (NDJSON)'
            cand -s 'Seed of the generator; the same seed gives the same payloads, byte for byte'
            cand --seed 'Seed of the generator; the same seed gives the same payloads, byte for byte'
            cand -c 'Only payloads of CHANNEL (repeatable), in their proportions to each other'
            cand --channel 'Only payloads of CHANNEL (repeatable), in their proportions to each other'
            cand --invalid-rate 'Share of payloads, from 0 to 1, that break the refined schema on purpose'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand -l 'List the bundled samples with their channel'
            cand --list 'List the bundled samples with their channel'
            cand --events 'Write a mixed capture, as a webhook URL receives it: every event, not only OutboundMessage'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;rules'= {
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;completions'= {
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;man'= {
            cand --dir 'Write one file per page into DIR instead (hlmsg.1, hlmsg-validate.1, ...), creating it, so that `man hlmsg-validate` works once DIR is on MANPATH'
            cand -j 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --jobs 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number'
            cand --color 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --width 'Columns human output fits in; 0 for no limit'
            cand --no-progress 'Never show a progress bar'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hlmsg;help'= {
            cand validate 'Check payloads against the bundled schemas and semantic rules'
            cand classify 'Tell the channel of each payload, summarize a capture, filter or split it by channel'
            cand show 'Pretty-print payloads: a summary card, the body as text, and colored JSON'
            cand diff 'Compare two payloads or captures, or payloads with the schemas (--schema)'
            cand verify 'Check HighLevel''s signature of each delivery over its exact raw body'
            cand listen 'Receive deliveries over HTTP and check each one as it arrives'
            cand send 'POST payloads to a webhook handler: files, captures, samples or generated ones'
            cand keygen 'Write a test key pair of each signature scheme (Ed25519 and RSA-4096)'
            cand schema 'Print a bundled JSON Schema, or list them'
            cand sample 'Print a bundled sample payload, or generate realistic synthetic payloads'
            cand rules 'List the rules behind validate''s findings, or explain one'
            cand completions 'Print a shell completion script: bash, zsh, fish, powershell or elvish'
            cand man 'Print hlmsg''s manual page (roff), covering every subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hlmsg;help;validate'= {
        }
        &'hlmsg;help;classify'= {
        }
        &'hlmsg;help;show'= {
        }
        &'hlmsg;help;diff'= {
        }
        &'hlmsg;help;verify'= {
        }
        &'hlmsg;help;listen'= {
        }
        &'hlmsg;help;send'= {
        }
        &'hlmsg;help;keygen'= {
        }
        &'hlmsg;help;schema'= {
        }
        &'hlmsg;help;sample'= {
        }
        &'hlmsg;help;rules'= {
        }
        &'hlmsg;help;completions'= {
        }
        &'hlmsg;help;man'= {
        }
        &'hlmsg;help;help'= {
        }
    ]
    $completions[$command]
}
