# tap.sh: the three helpers of the shell suites, sourced by them
# (. tests/tools/tap.sh); each prints one TAP line for tests/harness.
#   ok WHAT             a passing check
#   nok WHAT [FILE]     a failing one, with the last lines of FILE
#   check WHAT COND [FILE]   COND evaluated by the shell decides
ok() { echo "ok - $1"; }
nok() { echo "not ok - $1"; [ $# -lt 2 ] || sed 's/^/#   /' "$2" | tail -n 20; }
check() { if eval "$2"; then ok "$1"; else nok "$1" "${3:-/dev/null}"; fi; }
