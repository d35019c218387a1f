# Sourced by ./kbt, ./mvnw and .ci/run (POSIX sh): exports JAVA_HOME pointing at a JDK >= 21, looking at
# JAVA_HOME, then the java on PATH, then /usr/lib/jvm, so a clean machine with any JDK 21+ installed just works.
# The feature release of the JDK at $1: from its release file when it says (no JVM start), else from java.
kbt_java_major() {
  kbt_v=""
  if [ -f "$1/release" ]; then
    kbt_v=$(sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" | head -n 1)
  fi
  if [ -z "$kbt_v" ]; then
    kbt_v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$kbt_v"
}
kbt_find_jdk() {
  kbt_on_path=""
  if command -v java >/dev/null 2>&1; then
    kbt_on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for kbt_dir in "${JAVA_HOME:-}" "$kbt_on_path" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    kbt_dir=${kbt_dir%/}
    [ -n "$kbt_dir" ] && [ -x "$kbt_dir/bin/java" ] && [ -x "$kbt_dir/bin/javac" ] || continue
    kbt_major=$(kbt_java_major "$kbt_dir")
    if [ -n "$kbt_major" ] && [ "$kbt_major" -ge 21 ]; then
      JAVA_HOME=$kbt_dir
      export JAVA_HOME
      return 0
    fi
  done
  echo "kbt: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. apt-get install openjdk-21-jdk-headless" >&2
  return 1
}
