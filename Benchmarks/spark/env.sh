# Sourced by run_local.sh and scale.sh (from the repo root): the venv with PySpark, created on
# first use (git-ignored), and Java 17 for Spark. Sets PY to the venv's python.
HERE=${HERE:-Benchmarks/spark}
VENV="$HERE/.venv"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
  echo "Creating $VENV with PySpark (first run only)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
fi
PY="$PWD/$VENV/bin/python"
if [ -z "${JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/java-17-openjdk; do
    [ -x "$j/bin/java" ] && { export JAVA_HOME=$j; break; }
  done
  if [ -z "${JAVA_HOME:-}" ] && command -v java >/dev/null 2>&1; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
  fi
fi
[ -n "${JAVA_HOME:-}" ] || { echo "Java 17 is needed for Spark: apt-get install openjdk-17-jre-headless, or set JAVA_HOME" >&2; exit 2; }
export PYSPARK_PYTHON="$PY" PYSPARK_DRIVER_PYTHON="$PY"
# Local runs only: keep Spark on this machine's loopback.
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
