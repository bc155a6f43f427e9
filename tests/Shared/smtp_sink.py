"""The SMTP server of the tests and benchmarks, an aiosmtpd handler:

    /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink MAILDIR FAIL_EVERY LOG

Files each message it accepts into MAILDIR ("-" keeps none: a benchmark only counts), and writes a line per
answer to LOG: the time, the reply code and the Message-Id. With FAIL_EVERY = N above 0, every Nth message
offered is refused once with 451 (a relay that is busy), so the sender must try it again; addresses at
bounce.invalid are refused for good with 550, as a relay refuses a mailbox that does not exist.
"""
import mailbox
import re
import time

MESSAGE_ID = re.compile(rb"^Message-Id:[ \t]*<?([^>\r\n]+)", re.IGNORECASE | re.MULTILINE)


class Sink:
    def __init__(self, maildir, fail_every, log):
        self.box = None if maildir == "-" else mailbox.Maildir(maildir)
        self.fail_every = fail_every
        self.offered = 0
        self.refused = set()
        self.log = open(log, "a", buffering=1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 3:
            parser.error("smtp_sink.Sink takes MAILDIR FAIL_EVERY LOG")
        return cls(args[0], int(args[1]), args[2])

    def write(self, code, message_id):
        self.log.write(f"{time.time():.6f} {code} {message_id}\n")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().endswith("@bounce.invalid"):
            self.write(550, address)
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        found = MESSAGE_ID.search(envelope.original_content)
        message_id = found.group(1).decode("ascii", "replace") if found else "-"
        self.offered += 1
        if self.fail_every and self.offered % self.fail_every == 0 and message_id not in self.refused:
            self.refused.add(message_id)
            self.write(451, message_id)
            return "451 4.3.0 Busy, try again later"
        if self.box is not None:
            self.box.add(envelope.original_content)
        self.write(250, message_id)
        return "250 OK"
