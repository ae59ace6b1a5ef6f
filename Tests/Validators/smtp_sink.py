#!/usr/bin/env python3
"""A local SMTP server (aiosmtpd) that keeps every message it receives, for the tests
of `mediatheque send` through a real mail submission program (msmtp).

    Tests/Validators/smtp_sink.py DIR

Listens on 127.0.0.1, on a free port that it writes to DIR/port once it accepts
connections. Each message received is written, as the bytes of its DATA (dot-unstuffed,
CRLF line ends, no header added), to DIR/<n>.eml, with its envelope in DIR/<n>.json.
Stops on SIGTERM or SIGINT, or after ten minutes in any case.
Exit status: 0, or 2 when aiosmtpd is missing (pip install aiosmtpd).
"""
import json
import os
import signal
import socket
import sys
import threading

try:
    from aiosmtpd.controller import Controller
except ImportError:
    print("smtp_sink: aiosmtpd is missing (pip install aiosmtpd)", file=sys.stderr)
    sys.exit(2)


class Keeper:
    def __init__(self, folder):
        self.folder, self.count, self.lock = folder, 0, threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            n = self.count
        base = os.path.join(self.folder, str(n))
        with open(base + ".eml.part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos}, f)
        os.rename(base + ".eml.part", base + ".eml")
        return "250 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main(argv):
    if len(argv) != 1 or not os.path.isdir(argv[0]):
        print(__doc__, file=sys.stderr)
        return 2
    folder = argv[0]
    port = free_port()
    # SIGTERM and SIGINT blocked in every thread, then taken synchronously below.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    controller = Controller(Keeper(folder), hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    with open(os.path.join(folder, "port.part"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(folder, "port.part"), os.path.join(folder, "port"))
    signal.sigtimedwait({signal.SIGTERM, signal.SIGINT}, 600)  # ten minutes at most
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
