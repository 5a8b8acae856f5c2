#!/usr/bin/env python3
"""A local HTTP server for rnnsh's download tests: serves one directory on 127.0.0.1 in the ways a
real server can behave, chosen by the first part of the path:

  /good/NAME       the file, with HTTP Range support (206 partial content, 416 past the end)
  /norange/NAME    the file, ignoring Range (always 200 and the whole file)
  /corrupt/NAME    the file with one byte changed
  /truncated/NAME  announces the full length, sends half, then closes the connection
  /slow/NAME       sends the first 16 bytes, then nothing for 30 s
  anything else    404

Usage: dataset_test_server.py DIRECTORY — prints the port it listens on, then serves until killed
(or until its parent's stdin closes, so a test that dies never leaves it running).
"""
import http.server
import os
import socketserver
import sys
import threading
import time

ROOT = sys.argv[1]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        parts = self.path.strip("/").split("/", 1)
        if len(parts) != 2 or "/" in parts[1] or parts[1].startswith("."):
            return self.send_error(404)
        mode, name = parts
        path = os.path.join(ROOT, name)
        if mode not in ("good", "norange", "corrupt", "truncated", "slow") or not os.path.isfile(path):
            return self.send_error(404)
        with open(path, "rb") as f:
            data = f.read()
        if mode == "corrupt":
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        start = 0
        rng = self.headers.get("Range")
        if rng and mode != "norange" and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[len("bytes="):-1])
            if start >= len(data):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        else:
            self.send_response(200)
        body = data[start:]
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if mode == "truncated":
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        if mode == "slow":
            self.wfile.write(body[:16])
            self.wfile.flush()
            time.sleep(30)
            return
        self.wfile.write(body)


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # returns when the test closes our stdin or exits
    server.shutdown()


if __name__ == "__main__":
    main()
