# bash completion for tfq: commands, each command's options, the values of --format, diagnostic codes for
# explain-code, files and directories. tests/cli_docs_test.cpp checks the commands, options and formats
# against `tfq --help` and `tfq CMD --help`, so keep one `CMD) options="..." ;;` line per command.
_tfq() {
  local cur prev commands options formats limits waiting connection
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  commands="lint compile fmt explain explain-code catalog submit status list wait download"
  if [ "$COMP_CWORD" -eq 1 ]; then
    mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
    return
  fi
  limits="--max-bytes --max-depth --max-predicates --max-in-list --max-statements --max-fields"
  waiting="--timeout --interval --max-interval"
  connection="--base-url --token-file --cacert --connect-timeout --max-time --retries --retry-max-time --retry-delay -v --verbose"
  case ${COMP_WORDS[1]} in
    lint) options="-h --help --where --format -q --quiet --catalog --config --exclude --fix --diff --unsafe-fixes --warnings-as-errors -j --jobs --stdin-name $limits" ;;
    compile) options="-h --help -o --output --out-dir --check --param --where --compact --format --catalog --config --warnings-as-errors --stdin-name $limits" ;;
    fmt) options="-h --help --check --write --stdin-name $limits" ;;
    explain) options="-h --help --where --catalog --config $limits" ;;
    explain-code) options="-h --help --list" ;;
    catalog) options="-h --help --catalog --config --format" ;;
    submit) options="-h --help -c --contract --format --diagnostics-format --diagnostics-file --dry-run --catalog --config --param --journal --skip-submitted --wait --download --page-size --force $limits $waiting $connection" ;;
    status) options="-h --help -c --contract --format $connection" ;;
    list) options="-h --help -c --contract --from --to --format $connection" ;;
    wait) options="-h --help -c --contract $waiting $connection" ;;
    download) options="-h --help -c --contract -o --output --force $connection" ;;
  esac
  case ${COMP_WORDS[1]} in
    lint|compile) formats="text json jsonl sarif github gitlab" ;;
    submit) formats="text json jsonl" ;;
    catalog|status|list) formats="text json" ;;
  esac
  case "$prev" in
    --format) mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur"); return ;;
    --diagnostics-format) mapfile -t COMPREPLY < <(compgen -W "text json jsonl sarif github gitlab" -- "$cur"); return ;;
    --catalog|--config|--token-file|--cacert|--journal|--diagnostics-file|-o|--output) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    --out-dir|--download) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  if [ "${COMP_WORDS[1]}" = explain-code ]; then
    mapfile -t COMPREPLY < <(compgen -W "$(tfq explain-code --list 2>/dev/null | cut -d' ' -f1)" -- "$cur")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -F _tfq tfq
