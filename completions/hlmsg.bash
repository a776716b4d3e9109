_hlmsg() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="hlmsg"
                ;;
            hlmsg,classify)
                cmd="hlmsg__subcmd__classify"
                ;;
            hlmsg,completions)
                cmd="hlmsg__subcmd__completions"
                ;;
            hlmsg,diff)
                cmd="hlmsg__subcmd__diff"
                ;;
            hlmsg,help)
                cmd="hlmsg__subcmd__help"
                ;;
            hlmsg,keygen)
                cmd="hlmsg__subcmd__keygen"
                ;;
            hlmsg,listen)
                cmd="hlmsg__subcmd__listen"
                ;;
            hlmsg,man)
                cmd="hlmsg__subcmd__man"
                ;;
            hlmsg,pretty)
                cmd="hlmsg__subcmd__show"
                ;;
            hlmsg,rules)
                cmd="hlmsg__subcmd__rules"
                ;;
            hlmsg,sample)
                cmd="hlmsg__subcmd__sample"
                ;;
            hlmsg,schema)
                cmd="hlmsg__subcmd__schema"
                ;;
            hlmsg,send)
                cmd="hlmsg__subcmd__send"
                ;;
            hlmsg,show)
                cmd="hlmsg__subcmd__show"
                ;;
            hlmsg,validate)
                cmd="hlmsg__subcmd__validate"
                ;;
            hlmsg,verify)
                cmd="hlmsg__subcmd__verify"
                ;;
            hlmsg__subcmd__help,classify)
                cmd="hlmsg__subcmd__help__subcmd__classify"
                ;;
            hlmsg__subcmd__help,completions)
                cmd="hlmsg__subcmd__help__subcmd__completions"
                ;;
            hlmsg__subcmd__help,diff)
                cmd="hlmsg__subcmd__help__subcmd__diff"
                ;;
            hlmsg__subcmd__help,help)
                cmd="hlmsg__subcmd__help__subcmd__help"
                ;;
            hlmsg__subcmd__help,keygen)
                cmd="hlmsg__subcmd__help__subcmd__keygen"
                ;;
            hlmsg__subcmd__help,listen)
                cmd="hlmsg__subcmd__help__subcmd__listen"
                ;;
            hlmsg__subcmd__help,man)
                cmd="hlmsg__subcmd__help__subcmd__man"
                ;;
            hlmsg__subcmd__help,rules)
                cmd="hlmsg__subcmd__help__subcmd__rules"
                ;;
            hlmsg__subcmd__help,sample)
                cmd="hlmsg__subcmd__help__subcmd__sample"
                ;;
            hlmsg__subcmd__help,schema)
                cmd="hlmsg__subcmd__help__subcmd__schema"
                ;;
            hlmsg__subcmd__help,send)
                cmd="hlmsg__subcmd__help__subcmd__send"
                ;;
            hlmsg__subcmd__help,show)
                cmd="hlmsg__subcmd__help__subcmd__show"
                ;;
            hlmsg__subcmd__help,validate)
                cmd="hlmsg__subcmd__help__subcmd__validate"
                ;;
            hlmsg__subcmd__help,verify)
                cmd="hlmsg__subcmd__help__subcmd__verify"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        hlmsg)
            opts="-j -h -V --jobs --color --width --no-progress --help --version validate classify show pretty diff verify listen send keygen schema sample rules completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__classify)
            opts="-g -L -s -f -j -h -V --max-payload-size --max-depth --input --event --where --hidden --no-ignore --glob --follow --summary --format --only --split --redact --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-payload-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto payload http envelope" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "message inbound outbound provider OutboundMessage InboundMessage ProviderOutboundMessage AppInstall AppUninstall AppointmentCreate AppointmentDelete AppointmentUpdate AssociationCreate AssociationDelete AssociationUpdate CampaignStatusUpdate ContactCreate ContactDelete ContactDndUpdate ContactTagUpdate ContactUpdate ConversationUnreadUpdate ExternalAuthConnected InvoiceCreate InvoiceDelete InvoicePaid InvoicePartiallyPaid InvoiceSent InvoiceUpdate InvoiceVoid LCEmailStats LocationCreate LocationUpdate NoteCreate NoteDelete NoteUpdate ObjectSchemaCreate ObjectSchemaUpdate OpportunityAssignedToUpdate OpportunityCreate OpportunityDelete OpportunityMonetaryValueUpdate OpportunityStageUpdate OpportunityStatusUpdate OpportunityUpdate OrderCreate OrderStatusUpdate PlanChange PriceCreate PriceDelete PriceUpdate ProductCreate ProductDelete ProductUpdate RecordCreate RecordDelete RecordUpdate RelationCreate RelationDelete SaasPlanCreate TaskComplete TaskCreate TaskDelete UserCreate UserDelete UserUpdate VoiceAiCallEnd" -- "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --only)
                    COMPREPLY=($(compgen -W "call voicemail sms gmb fb ig email live-chat whatsapp internal-comment custom rcs tiktok review activity form-submission unknown" -- "${cur}"))
                    return 0
                    ;;
                --split)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__completions)
            opts="-j -h -V --jobs --color --width --no-progress --help --version bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__diff)
            opts="-v -f -g -L -j -h -V --schema --by-channel --allow-extra --drift-only --verbose --published --ignore --ignore-ids --by-position --full --redact --format --max-payload-size --max-depth --input --event --where --hidden --no-ignore --glob --follow --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --schema)
                    COMPREPLY=($(compgen -W "auto message email inbound inbound-email provider" -- "${cur}") $(compgen -f -- "${cur}"))
                    return 0
                    ;;
                --ignore)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json json-patch markdown" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json json-patch markdown" -- "${cur}"))
                    return 0
                    ;;
                --max-payload-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto payload http envelope" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "message inbound outbound provider OutboundMessage InboundMessage ProviderOutboundMessage AppInstall AppUninstall AppointmentCreate AppointmentDelete AppointmentUpdate AssociationCreate AssociationDelete AssociationUpdate CampaignStatusUpdate ContactCreate ContactDelete ContactDndUpdate ContactTagUpdate ContactUpdate ConversationUnreadUpdate ExternalAuthConnected InvoiceCreate InvoiceDelete InvoicePaid InvoicePartiallyPaid InvoiceSent InvoiceUpdate InvoiceVoid LCEmailStats LocationCreate LocationUpdate NoteCreate NoteDelete NoteUpdate ObjectSchemaCreate ObjectSchemaUpdate OpportunityAssignedToUpdate OpportunityCreate OpportunityDelete OpportunityMonetaryValueUpdate OpportunityStageUpdate OpportunityStatusUpdate OpportunityUpdate OrderCreate OrderStatusUpdate PlanChange PriceCreate PriceDelete PriceUpdate ProductCreate ProductDelete ProductUpdate RecordCreate RecordDelete RecordUpdate RelationCreate RelationDelete SaasPlanCreate TaskComplete TaskCreate TaskDelete UserCreate UserDelete UserUpdate VoiceAiCallEnd" -- "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help)
            opts="validate classify show diff verify listen send keygen schema sample rules completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__classify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__diff)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__keygen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__listen)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__rules)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__sample)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__schema)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__send)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__show)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__validate)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__help__subcmd__verify)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__keygen)
            opts="-j -h -V --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__listen)
            opts="-f -j -h -V --port --bind --status --record --format --max-body-size --max-header-size --read-timeout --max-connections --forward-to --forward-timeout --public-key --app-id --max-age --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bind)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --record)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "line card json" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "line card json" -- "${cur}"))
                    return 0
                    ;;
                --max-body-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-header-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --read-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-connections)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --forward-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-age)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__man)
            opts="-j -h -V --dir --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__rules)
            opts="-j -h -V --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__sample)
            opts="-l -n -s -c -j -h -V --list --count --seed --channel --invalid-rate --events --jobs --color --width --no-progress --help --version call-answered call-legacy call-outbound call-voicemail contact-create custom-provider email-html email-legacy email-provider email fb-messenger gmb-reply ig-direct inbound-call-voicemail inbound-email inbound-sms internal-comment live-chat provider-sms sms-chat-widget sms-legacy sms-outbound sms-reminder sms voicemail-drop voicemail-workflow whatsapp-media"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --count)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --channel)
                    COMPREPLY=($(compgen -W "call voicemail sms gmb fb ig email live-chat" -- "${cur}"))
                    return 0
                    ;;
                -c)
                    COMPREPLY=($(compgen -W "call voicemail sms gmb fb ig email live-chat" -- "${cur}"))
                    return 0
                    ;;
                --invalid-rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__schema)
            opts="-l -j -h -V --published --list --jobs --color --width --no-progress --help --version message email inbound inbound-email provider"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__send)
            opts="-g -L -j -h -V --max-payload-size --max-depth --input --event --where --hidden --no-ignore --glob --follow --sample --generate --seed --sign --concurrency --rate --timeout --json --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-payload-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto payload http envelope" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "message inbound outbound provider OutboundMessage InboundMessage ProviderOutboundMessage AppInstall AppUninstall AppointmentCreate AppointmentDelete AppointmentUpdate AssociationCreate AssociationDelete AssociationUpdate CampaignStatusUpdate ContactCreate ContactDelete ContactDndUpdate ContactTagUpdate ContactUpdate ConversationUnreadUpdate ExternalAuthConnected InvoiceCreate InvoiceDelete InvoicePaid InvoicePartiallyPaid InvoiceSent InvoiceUpdate InvoiceVoid LCEmailStats LocationCreate LocationUpdate NoteCreate NoteDelete NoteUpdate ObjectSchemaCreate ObjectSchemaUpdate OpportunityAssignedToUpdate OpportunityCreate OpportunityDelete OpportunityMonetaryValueUpdate OpportunityStageUpdate OpportunityStatusUpdate OpportunityUpdate OrderCreate OrderStatusUpdate PlanChange PriceCreate PriceDelete PriceUpdate ProductCreate ProductDelete ProductUpdate RecordCreate RecordDelete RecordUpdate RelationCreate RelationDelete SaasPlanCreate TaskComplete TaskCreate TaskDelete UserCreate UserDelete UserUpdate VoiceAiCallEnd" -- "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sample)
                    COMPREPLY=($(compgen -W "call-answered call-legacy call-outbound call-voicemail contact-create custom-provider email-html email-legacy email-provider email fb-messenger gmb-reply ig-direct inbound-call-voicemail inbound-email inbound-sms internal-comment live-chat provider-sms sms-chat-widget sms-legacy sms-outbound sms-reminder sms voicemail-drop voicemail-workflow whatsapp-media" -- "${cur}"))
                    return 0
                    ;;
                --generate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --seed)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sign)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --rate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__show)
            opts="-g -L -f -j -h -V --max-payload-size --max-depth --input --event --where --hidden --no-ignore --glob --follow --format --full --fields --now --redact --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-payload-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto payload http envelope" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "message inbound outbound provider OutboundMessage InboundMessage ProviderOutboundMessage AppInstall AppUninstall AppointmentCreate AppointmentDelete AppointmentUpdate AssociationCreate AssociationDelete AssociationUpdate CampaignStatusUpdate ContactCreate ContactDelete ContactDndUpdate ContactTagUpdate ContactUpdate ConversationUnreadUpdate ExternalAuthConnected InvoiceCreate InvoiceDelete InvoicePaid InvoicePartiallyPaid InvoiceSent InvoiceUpdate InvoiceVoid LCEmailStats LocationCreate LocationUpdate NoteCreate NoteDelete NoteUpdate ObjectSchemaCreate ObjectSchemaUpdate OpportunityAssignedToUpdate OpportunityCreate OpportunityDelete OpportunityMonetaryValueUpdate OpportunityStageUpdate OpportunityStatusUpdate OpportunityUpdate OrderCreate OrderStatusUpdate PlanChange PriceCreate PriceDelete PriceUpdate ProductCreate ProductDelete ProductUpdate RecordCreate RecordDelete RecordUpdate RelationCreate RelationDelete SaasPlanCreate TaskComplete TaskCreate TaskDelete UserCreate UserDelete UserUpdate VoiceAiCallEnd" -- "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "card json compact table" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "card json compact table" -- "${cur}"))
                    return 0
                    ;;
                --fields)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__validate)
            opts="-g -L -f -v -q -j -h -V --max-payload-size --max-depth --input --event --where --hidden --no-ignore --glob --follow --schema --published --strict --format --verbose --quiet --max-findings --fail-fast --statistics --redact --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-payload-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto payload http envelope" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "message inbound outbound provider OutboundMessage InboundMessage ProviderOutboundMessage AppInstall AppUninstall AppointmentCreate AppointmentDelete AppointmentUpdate AssociationCreate AssociationDelete AssociationUpdate CampaignStatusUpdate ContactCreate ContactDelete ContactDndUpdate ContactTagUpdate ContactUpdate ConversationUnreadUpdate ExternalAuthConnected InvoiceCreate InvoiceDelete InvoicePaid InvoicePartiallyPaid InvoiceSent InvoiceUpdate InvoiceVoid LCEmailStats LocationCreate LocationUpdate NoteCreate NoteDelete NoteUpdate ObjectSchemaCreate ObjectSchemaUpdate OpportunityAssignedToUpdate OpportunityCreate OpportunityDelete OpportunityMonetaryValueUpdate OpportunityStageUpdate OpportunityStatusUpdate OpportunityUpdate OrderCreate OrderStatusUpdate PlanChange PriceCreate PriceDelete PriceUpdate ProductCreate ProductDelete ProductUpdate RecordCreate RecordDelete RecordUpdate RelationCreate RelationDelete SaasPlanCreate TaskComplete TaskCreate TaskDelete UserCreate UserDelete UserUpdate VoiceAiCallEnd" -- "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --schema)
                    COMPREPLY=($(compgen -W "auto message email inbound inbound-email provider" -- "${cur}") $(compgen -f -- "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json github junit" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json github junit" -- "${cur}"))
                    return 0
                    ;;
                --max-findings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        hlmsg__subcmd__verify)
            opts="-g -L -f -j -h -V --max-payload-size --max-depth --input --event --where --hidden --no-ignore --glob --follow --public-key --app-id --signature --scheme --reserialize --max-age --now --format --jobs --color --width --no-progress --help --version"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --max-payload-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-depth)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --input)
                    COMPREPLY=($(compgen -W "auto payload http envelope" -- "${cur}"))
                    return 0
                    ;;
                --event)
                    COMPREPLY=($(compgen -W "message inbound outbound provider OutboundMessage InboundMessage ProviderOutboundMessage AppInstall AppUninstall AppointmentCreate AppointmentDelete AppointmentUpdate AssociationCreate AssociationDelete AssociationUpdate CampaignStatusUpdate ContactCreate ContactDelete ContactDndUpdate ContactTagUpdate ContactUpdate ConversationUnreadUpdate ExternalAuthConnected InvoiceCreate InvoiceDelete InvoicePaid InvoicePartiallyPaid InvoiceSent InvoiceUpdate InvoiceVoid LCEmailStats LocationCreate LocationUpdate NoteCreate NoteDelete NoteUpdate ObjectSchemaCreate ObjectSchemaUpdate OpportunityAssignedToUpdate OpportunityCreate OpportunityDelete OpportunityMonetaryValueUpdate OpportunityStageUpdate OpportunityStatusUpdate OpportunityUpdate OrderCreate OrderStatusUpdate PlanChange PriceCreate PriceDelete PriceUpdate ProductCreate ProductDelete ProductUpdate RecordCreate RecordDelete RecordUpdate RelationCreate RelationDelete SaasPlanCreate TaskComplete TaskCreate TaskDelete UserCreate UserDelete UserUpdate VoiceAiCallEnd" -- "${cur}"))
                    return 0
                    ;;
                --where)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --glob)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -g)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --public-key)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --app-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --signature)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --scheme)
                    COMPREPLY=($(compgen -W "ed25519 rsa" -- "${cur}"))
                    return 0
                    ;;
                --max-age)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --now)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --format)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                -f)
                    COMPREPLY=($(compgen -W "human json" -- "${cur}"))
                    return 0
                    ;;
                --jobs)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -j)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(compgen -W "auto always never" -- "${cur}"))
                    return 0
                    ;;
                --width)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _hlmsg -o nosort -o bashdefault -o default hlmsg
else
    complete -F _hlmsg -o bashdefault -o default hlmsg
fi
