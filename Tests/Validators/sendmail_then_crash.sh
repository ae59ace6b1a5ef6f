#!/usr/bin/env bash
# A mail submission command for the tests of `mediatheque send`: hands the message on its
# standard input to the command that follows (say `msmtp -C CONF -t`), counts it in COUNTER,
# and once N messages went through, kills the process that ran it (`mediatheque send`, its
# parent) with SIGKILL, as a crash would: after the relay took the message, before `send`
# could record it as sent.
#
#   Tests/Validators/sendmail_then_crash.sh COUNTER N COMMAND [ARG...]
set -u
counter=$1 limit=$2
shift 2
"$@"
status=$?
n=$(( $(cat "$counter" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$counter"
if [ "$n" -ge "$limit" ]; then kill -KILL "$PPID"; fi
exit "$status"
