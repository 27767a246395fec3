# Prints each failed test's name and the first lines of its message from a TRX file.
function unescape(s) {
  gsub(/&#xD;|&#xA;|\r/, "", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
  gsub(/&apos;/, "'", s); gsub(/&amp;/, "\\&", s); return s
}
/<UnitTestResult / {
  failed = ($0 ~ /outcome="Failed"/)
  if (failed && match($0, /testName="[^"]*"/)) { print "why failed: " unescape(substr($0, RSTART + 10, RLENGTH - 11)) }
}
failed && !inmsg && /<Message>/ { inmsg = 1; lines = 0; sub(/.*<Message>/, "") }
inmsg {
  line = $0; ended = sub(/<\/Message>.*/, "", line)
  if (++lines <= max) { print "    " unescape(line) } else if (lines == max + 1) { print "    ..." }
  if (ended) { inmsg = 0; failed = 0 }
}
/<\/UnitTestResult>/ { failed = 0; inmsg = 0 }
