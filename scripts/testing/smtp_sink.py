"""A loopback SMTP server for seekgpu's tests: writes each message it receives to a JSON file.

Usage: smtp_sink.py OUT_DIR [--host 127.0.0.1] [--auth USER:PASSWORD]

Binds HOST on a free port and prints the port on the first line of stdout once it accepts
connections. Stops on SIGTERM or when its stdin reaches end of file (so it cannot outlive a test
process that dies). Every accepted message becomes OUT_DIR/message-N.json (written atomically) with the
envelope (mail_from, rcpt_tos), the login that authenticated it (auth_login, or null), the raw
message text and its parsed, decoded headers and body. Every AUTH attempt is appended to
OUT_DIR/auth.jsonl ({"login", "ok"}; never the password). With --auth, AUTH is offered without
TLS (the tests run on loopback) and a message is refused unless the session logged in.

Needs aiosmtpd: `scripts/setup --test` installs it into .build-tools/venv.
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult


class Sink:
    def __init__(self, out_dir, require_auth):
        self.out_dir = out_dir
        self.require_auth = require_auth
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.require_auth and not session.authenticated:
            return "530 5.7.0 Authentication required"
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        body = parsed.get_content().replace("\r\n", "\n") if not parsed.is_multipart() else None
        login = session.auth_data if session.authenticated else None
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "auth_login": login,
            "raw": raw.decode("utf-8", "replace"),
            "subject": str(parsed["subject"]),
            "from": str(parsed["from"]),
            "to": str(parsed["to"]),
            "date": str(parsed["date"]),
            "message_id": str(parsed["message-id"]),
            "mime_version": str(parsed["mime-version"]),
            "content_type": parsed.get_content_type(),
            "charset": parsed.get_content_charset(),
            "transfer_encoding": str(parsed["content-transfer-encoding"]),
            "body": body,
        }
        self.count += 1
        path = os.path.join(self.out_dir, f"message-{self.count}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(record, handle, ensure_ascii=False, indent=1)
        os.replace(path + ".tmp", path)
        return "250 2.0.0 OK"


def authenticator_for(out_dir, user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        login = auth_data.login.decode() if isinstance(auth_data.login, bytes) else auth_data.login
        given = auth_data.password.decode() if isinstance(auth_data.password, bytes) else auth_data.password
        ok = login == user and given == password
        with open(os.path.join(out_dir, "auth.jsonl"), "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"login": login, "ok": ok}) + "\n")
        if ok:
            return AuthResult(success=True, auth_data=login)
        return AuthResult(success=False, handled=False)

    return authenticate


async def serve(args):
    handler = Sink(args.out_dir, require_auth=args.auth is not None)
    options = {}
    if args.auth is not None:
        user, _, password = args.auth.partition(":")
        options = {
            "authenticator": authenticator_for(args.out_dir, user, password),
            "auth_require_tls": False,
            "auth_required": False,
        }

    def factory():
        return SMTP(handler, hostname="seekgpu-test-sink", **options)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(factory, host=args.host, port=0)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    stdin_closed = asyncio.Event()

    def wait_for_eof():
        sys.stdin.buffer.read()
        loop.call_soon_threadsafe(stdin_closed.set)

    threading.Thread(target=wait_for_eof, daemon=True).start()
    async with server:
        await stdin_closed.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--auth", metavar="USER:PASSWORD")
    args = parser.parse_args()
    # A parent may have blocked or ignored SIGTERM (the mask is inherited); restore the default.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        sys.exit(0)


if __name__ == "__main__":
    main()
