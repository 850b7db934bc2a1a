"""Serve a built site/ the way GitHub Pages will: under the path of `site_url`, with 404.html.

Used by the browser tests and by `nox -s lighthouse`. The server binds 127.0.0.1 on a port
the OS picks (port 0) and runs in a daemon thread of the calling process.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import mimetypes
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import site_config

ROOT = site_config.ROOT


def site_prefix(config: str | Path = "mkdocs.yml") -> str:
    """The path part of the zh site_url, e.g. "/PythonConcurrent/" ("/" when unset)."""
    path = urlsplit(site_config.load(config).get("site_url") or "").path or "/"
    return path if path.endswith("/") else path + "/"


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, format, *args):  # quiet: the tests report what matters
        pass

    def send_head(self):
        path = urlsplit(self.path).path
        if not path.startswith(self.prefix) and path + "/" != self.prefix:
            return self._not_found()
        # Map /<prefix>/x/y to <site>/x/y, as GitHub Pages maps the repository's pages URL.
        self.path = "/" + path[len(self.prefix) :] if path.startswith(self.prefix) else "/"
        local = Path(self.translate_path(self.path))
        if not local.exists() or (local.is_dir() and not (local / "index.html").is_file()):
            return self._not_found()
        if local.is_dir() and not path.endswith("/"):
            self.send_response(301)  # as GitHub Pages does: /x -> /x/, keeping the prefix
            self.send_header("Location", path + "/")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if local.is_dir():
            local = local / "index.html"
        if local.suffix in _COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            return self._gzipped(local)
        return super().send_head()

    def _gzipped(self, path: Path):
        # GitHub Pages compresses text; so do we, or page weights would be overstated.
        body = _gzip(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", mimetypes.guess_type(path.name)[0] or "text/plain")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        # GitHub Pages answers every missing address with the site's root 404.html.
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


_COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


@functools.lru_cache(maxsize=512)
def _gzip(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteServer:
    """`with SiteServer(site) as server: server.url` is the site's home page."""

    def __init__(self, site: Path, prefix: str | None = None) -> None:
        self.site = Path(site).resolve()
        self.prefix = prefix or site_prefix()
        handler = type("Handler", (_Handler,), {"prefix": self.prefix})
        self.httpd = ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(self.site))
        )
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def origin(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return self.origin + self.prefix

    def __enter__(self) -> SiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


def pages(site: Path) -> list[str]:
    """Every page of the built site as a path relative to the site root ("", "en/intro/", ...)."""
    found = []
    for html in sorted(Path(site).rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel.endswith("404.html"):
            continue
        found.append(rel.removesuffix("index.html"))
    return found


if __name__ == "__main__":  # python tools/site_server.py [site]: serve until Ctrl-C
    import sys

    with SiteServer(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")) as server:
        print(f"serving {server.site} at {server.url} (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            server.thread.join()
