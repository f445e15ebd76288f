# bash completion for tfq
_tfq() {
  local cur prev commands
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  commands="lint compile fmt explain explain-code catalog submit status list wait download"
  if [ "$COMP_CWORD" -eq 1 ]; then
    mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
    return
  fi
  if [ "${COMP_WORDS[1]}" = explain-code ] && [[ "$cur" != -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(tfq explain-code --list 2>/dev/null | cut -d' ' -f1)" -- "$cur")
    return
  fi
  case "$prev" in
    --format) mapfile -t COMPREPLY < <(compgen -W "text json jsonl sarif github gitlab" -- "$cur"); return ;;
    --catalog|--config|--token-file|--cacert|--journal|-o) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    --out-dir|--download) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
  esac
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "--help --format --catalog --config --where --fix --diff --check --write \
      --compact --param --out-dir --contract --dry-run --wait --download --journal --skip-submitted \
      --warnings-as-errors --quiet --exclude --max-depth --list" -- "$cur")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -F _tfq tfq
