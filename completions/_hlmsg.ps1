
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hlmsg' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hlmsg'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hlmsg' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check payloads against the bundled schemas and semantic rules')
            [CompletionResult]::new('classify', 'classify', [CompletionResultType]::ParameterValue, 'Tell the channel of each payload, summarize a capture, filter or split it by channel')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Pretty-print payloads: a summary card, the body as text, and colored JSON')
            [CompletionResult]::new('pretty', 'pretty', [CompletionResultType]::ParameterValue, 'Pretty-print payloads: a summary card, the body as text, and colored JSON')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two payloads or captures, or payloads with the schemas (--schema)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check HighLevel''s signature of each delivery over its exact raw body')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries over HTTP and check each one as it arrives')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'POST payloads to a webhook handler: files, captures, samples or generated ones')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Write a test key pair of each signature scheme (Ed25519 and RSA-4096)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print a bundled JSON Schema, or list them')
            [CompletionResult]::new('sample', 'sample', [CompletionResultType]::ParameterValue, 'Print a bundled sample payload, or generate realistic synthetic payloads')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules behind validate''s findings, or explain one')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script: bash, zsh, fish, powershell or elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print hlmsg''s manual page (roff), covering every subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hlmsg;validate' {
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Schema to check against: auto (the bundled schema of each payload''s event and channel), message, email, inbound, inbound-email, provider, or the path of a JSON Schema file')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--max-findings', '--max-findings', [CompletionResultType]::ParameterName, 'Print at most N findings; the rest are counted, and a line says how many were not shown')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Use the schemas exactly as HighLevel''s documentation publishes them instead of hlmsg''s refined schemas')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Treat warnings as errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print a line for each payload without findings, and every repeated note')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print a line for each payload without findings, and every repeated note')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print errors and the summary line only; twice (-qq), the summary line alone')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print errors and the summary line only; twice (-qq), the summary line alone')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop at the first payload that fails (exit 1); the rest of the input is not read')
            [CompletionResult]::new('--statistics', '--statistics', [CompletionResultType]::ParameterName, 'After the findings, a table of them by rule and severity: how many, in how many payloads, and where each was first seen (in JSON, one `statistics` record)')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;classify' {
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format of the report')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format of the report')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Instead of the report, write each payload of CHANNEL to standard output, one per line (repeatable)')
            [CompletionResult]::new('--split', '--split', [CompletionResultType]::ParameterName, 'Write every payload to DIR/<channel>.ndjson (same bytes rule as --only), creating DIR; then print the count per file and `N read, N written, N unreadable`. Payloads of other HighLevel events go to DIR/<event>.ndjson (contact-create.ndjson, ...)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Print only the summary table')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Print only the summary table')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;show' {
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Only these fields in the card or the table, comma-separated')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The time ages are measured from (RFC 3339), instead of now')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Show whole bodies, however long')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;pretty' {
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--fields', '--fields', [CompletionResultType]::ParameterName, 'Only these fields in the card or the table, comma-separated')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The time ages are measured from (RFC 3339), instead of now')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Show whole bodies, however long')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;diff' {
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Compare payloads with a schema''s shape instead of with each other: auto (the default), message, email, inbound, inbound-email, provider, or a JSON Schema FILE')
            [CompletionResult]::new('--ignore', '--ignore', [CompletionResultType]::ParameterName, 'Leave a place out of the comparison (repeatable)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format: human, json (JSON Lines), json-patch (an RFC 6902 patch that turns LEFT into RIGHT; two single payloads only) or markdown (with --schema: the report as GitHub-flavoured Markdown tables)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: human, json (JSON Lines), json-patch (an RFC 6902 patch that turns LEFT into RIGHT; two single payloads only) or markdown (with --schema: the report as GitHub-flavoured Markdown tables)')
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--by-channel', '--by-channel', [CompletionResultType]::ParameterName, 'With --schema: split the report by channel (the channel classify tells)')
            [CompletionResult]::new('--allow-extra', '--allow-extra', [CompletionResultType]::ParameterName, 'With --schema: extra fields are reported but do not fail the run')
            [CompletionResult]::new('--drift-only', '--drift-only', [CompletionResultType]::ParameterName, 'With --schema: list only the fields that are not ok (the summary still counts them all)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'With --schema: up to 5 places where each field drifts, instead of the first')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'With --schema: up to 5 places where each field drifts, instead of the first')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Use the schemas exactly as HighLevel''s documentation publishes them instead of hlmsg''s refined schemas')
            [CompletionResult]::new('--ignore-ids', '--ignore-ids', [CompletionResultType]::ParameterName, 'Ignore the fields that differ between two deliveries of the same kind of message')
            [CompletionResult]::new('--by-position', '--by-position', [CompletionResultType]::ParameterName, 'Pair the payloads of two captures by position, not by messageId')
            [CompletionResult]::new('--full', '--full', [CompletionResultType]::ParameterName, 'Show a long string that changed whole, every change marked, instead of the changes with some context around each')
            [CompletionResult]::new('--redact', '--redact', [CompletionResultType]::ParameterName, 'Mask personal data (addresses, phone numbers, bodies, attachment paths) before printing')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;verify' {
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'A public key to use instead of HighLevel''s key of that scheme (repeatable: one per scheme): a PEM file (Ed25519 or RSA), a file holding an Ed25519 key''s 32 bytes raw, in hex or in base64, or the hex or base64 key itself')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'Fail deliveries for another marketplace app: their `appId` must be ID (a client id''s part before the first `-` is accepted too), as HighLevel''s SDKs check first')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature (base64) of every body read, for bare bodies without headers')
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'The scheme of --signature')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Fail deliveries whose `timestamp` is older than this (e.g. 300, 90s, 5m, 1h, 2d)')
            [CompletionResult]::new('--now', '--now', [CompletionResultType]::ParameterName, 'The time ages are measured from (RFC 3339), instead of now')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--reserialize', '--reserialize', [CompletionResultType]::ParameterName, 'When an envelope holds the parsed body, try HighLevel''s compact serialization of it')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;listen' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port to listen on (0: a free one, printed at start)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'The address to listen on. Anything but a loopback address makes the port reachable from other machines, and the startup line says so')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'The status every delivery is answered with (to rehearse HighLevel''s retries: 500)')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Append every delivery, headers and exact body, to FILE as a raw HTTP capture (which validate, verify, diff and the rest read). Never truncated; each delivery is written whole and flushed')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--max-body-size', '--max-body-size', [CompletionResultType]::ParameterName, 'The largest body accepted (larger ones are answered 413)')
            [CompletionResult]::new('--max-header-size', '--max-header-size', [CompletionResultType]::ParameterName, 'The largest request head (request line and headers) accepted')
            [CompletionResult]::new('--read-timeout', '--read-timeout', [CompletionResultType]::ParameterName, 'How long a client may take to send its request head and its body')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'The most connections served at once (more are answered 503)')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Pass every delivery on to this handler (http://): same method, path (appended to the URL''s), headers and exact body, so the handler''s own signature check still passes. The answer to HighLevel is then the handler''s status (502 when it is down, 504 when slow)')
            [CompletionResult]::new('--forward-timeout', '--forward-timeout', [CompletionResultType]::ParameterName, 'How long to wait for the handler''s answer')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'A public key to check signatures with instead of HighLevel''s (as `verify` takes it)')
            [CompletionResult]::new('--app-id', '--app-id', [CompletionResultType]::ParameterName, 'Fail deliveries for another marketplace app (as `verify --app-id`)')
            [CompletionResult]::new('--max-age', '--max-age', [CompletionResultType]::ParameterName, 'Fail deliveries whose `timestamp` is older than this when they arrive')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;send' {
            [CompletionResult]::new('--max-payload-size', '--max-payload-size', [CompletionResultType]::ParameterName, 'Largest payload to inspect, e.g. 16MiB, 512k, 1000000 (larger ones are reported and skipped)')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'Deepest nesting of a payload to inspect (deeper ones are reported and skipped; at most 1000)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'What the input holds: auto (detect), payload (bare payloads), http (raw HTTP requests as captured, e.g. by `nc -l`), envelope (JSON objects with "headers" and "body", e.g. an n8n webhook node''s output)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Keep only payloads of these HighLevel events (repeatable, or comma-separated; case-insensitive): OutboundMessage, InboundMessage, ProviderOutboundMessage, `message` for the inbound and outbound pair, or another event such as ContactCreate')
            [CompletionResult]::new('--where', '--where', [CompletionResultType]::ParameterName, 'Keep only payloads whose field matches: FIELD=VALUE, FIELD!=VALUE, or FIELD~TEXT (the field holds TEXT). Repeatable: every condition must hold')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--glob', '--glob', [CompletionResultType]::ParameterName, 'Read only the walked files that match GLOB (repeatable; `!GLOB` excludes)')
            [CompletionResult]::new('--sample', '--sample', [CompletionResultType]::ParameterName, 'Send a bundled sample instead (repeatable)')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Send N generated payloads instead (as `hlmsg sample --count N`)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The generator''s seed')
            [CompletionResult]::new('--sign', '--sign', [CompletionResultType]::ParameterName, 'Sign bare payloads with this private key (PEM): Ed25519 into X-GHL-Signature, RSA into X-WH-Signature. Make one with `hlmsg keygen`')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many deliveries a second (0: as fast as the handler answers)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'How long to wait for an answer')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--hidden', '--hidden', [CompletionResultType]::ParameterName, 'Walk into hidden files and folders too')
            [CompletionResult]::new('--no-ignore', '--no-ignore', [CompletionResultType]::ParameterName, 'Read files that .gitignore, .ignore or .git/info/exclude exclude')
            [CompletionResult]::new('-L', '-L ', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Walk into folders that symbolic links point at')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'JSON Lines instead of a line per delivery (schemas/output/send.schema.json)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;keygen' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;schema' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--published', '--published', [CompletionResultType]::ParameterName, 'Use the schemas exactly as HighLevel''s documentation publishes them instead of hlmsg''s refined schemas')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'List the bundled schemas with their $id instead')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the bundled schemas with their $id instead')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;sample' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Generate N synthetic payloads, one compact JSON object per line (NDJSON)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Generate N synthetic payloads, one compact JSON object per line (NDJSON)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Seed of the generator; the same seed gives the same payloads, byte for byte')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the generator; the same seed gives the same payloads, byte for byte')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only payloads of CHANNEL (repeatable), in their proportions to each other')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only payloads of CHANNEL (repeatable), in their proportions to each other')
            [CompletionResult]::new('--invalid-rate', '--invalid-rate', [CompletionResultType]::ParameterName, 'Share of payloads, from 0 to 1, that break the refined schema on purpose')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'List the bundled samples with their channel')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the bundled samples with their channel')
            [CompletionResult]::new('--events', '--events', [CompletionResultType]::ParameterName, 'Write a mixed capture, as a webhook URL receives it: every event, not only OutboundMessage')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;rules' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;completions' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write one file per page into DIR instead (hlmsg.1, hlmsg-validate.1, ...), creating it, so that `man hlmsg-validate` works once DIR is on MANPATH')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Threads that parse and check payloads in every subcommand that reads them; 0 (the default) uses every core. Output order is the input order whatever the number')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colors: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--width', '--width', [CompletionResultType]::ParameterName, 'Columns human output fits in; 0 for no limit')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show a progress bar')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hlmsg;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check payloads against the bundled schemas and semantic rules')
            [CompletionResult]::new('classify', 'classify', [CompletionResultType]::ParameterValue, 'Tell the channel of each payload, summarize a capture, filter or split it by channel')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Pretty-print payloads: a summary card, the body as text, and colored JSON')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two payloads or captures, or payloads with the schemas (--schema)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check HighLevel''s signature of each delivery over its exact raw body')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Receive deliveries over HTTP and check each one as it arrives')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'POST payloads to a webhook handler: files, captures, samples or generated ones')
            [CompletionResult]::new('keygen', 'keygen', [CompletionResultType]::ParameterValue, 'Write a test key pair of each signature scheme (Ed25519 and RSA-4096)')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print a bundled JSON Schema, or list them')
            [CompletionResult]::new('sample', 'sample', [CompletionResultType]::ParameterValue, 'Print a bundled sample payload, or generate realistic synthetic payloads')
            [CompletionResult]::new('rules', 'rules', [CompletionResultType]::ParameterValue, 'List the rules behind validate''s findings, or explain one')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script: bash, zsh, fish, powershell or elvish')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print hlmsg''s manual page (roff), covering every subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hlmsg;help;validate' {
            break
        }
        'hlmsg;help;classify' {
            break
        }
        'hlmsg;help;show' {
            break
        }
        'hlmsg;help;diff' {
            break
        }
        'hlmsg;help;verify' {
            break
        }
        'hlmsg;help;listen' {
            break
        }
        'hlmsg;help;send' {
            break
        }
        'hlmsg;help;keygen' {
            break
        }
        'hlmsg;help;schema' {
            break
        }
        'hlmsg;help;sample' {
            break
        }
        'hlmsg;help;rules' {
            break
        }
        'hlmsg;help;completions' {
            break
        }
        'hlmsg;help;man' {
            break
        }
        'hlmsg;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
