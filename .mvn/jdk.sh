# Sourced by ./kbt and .ci/run: exports JAVA_HOME pointing at a JDK >= 21, looking at JAVA_HOME, then the
# java on PATH, then /usr/lib/jvm, so a clean machine with any JDK 21+ installed just works.
kbt_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
kbt_find_jdk() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for dir in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${dir%/}"); done
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(kbt_java_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$dir"
      return 0
    fi
  done
  echo "kbt: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2
  return 1
}
