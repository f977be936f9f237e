"""Publishing after one edit: what the last build read and rendered, kept in cache/ between runs.

With CACHE_PATH set and CASEBOOK_BUILD_CACHE on (the default), a build keeps in
cache/casebook-build/, under its build key (buildkey.py: settings, theme, plugins, packages):
- every Markdown file as it was read (content, metadata and the per-file rules' findings), by
  the digest of its bytes: a file whose bytes are the same is not read again (readahead.py);
- what every page read while it rendered (the preview's dependency map, preview/dependencies.py,
  kept between processes) and the page itself (pagestore.py): a page none of whose inputs
  changed is put back into the output folder instead of being rendered again;
- every feed's XML, by the digest of the feed Pelican made (its header and entries): a feed made
  of the same entries is written from there instead of being serialised again.
Another key, a file cut short or changed since it was written (its digest is checked), or one
this code cannot read, and the build renders everything and writes the cache anew. It is
written once the last page is, atomically: a build that fails leaves the last good one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import logging
import os
import pickle
import stat
import tempfile
from typing import Any

from ..preview import dependencies, session
from . import packs, pagestore
from .buildkey import build_key

logger = logging.getLogger(__name__)

FOLDER = "casebook-build"
STATE = "state-{key}.pickle"
MAGIC = b"casebook build cache 3\n"  # 3: feeds kept (the state is another shape)
KEEP = 3  # build keys kept side by side: a preview's, a publish build's, one more
CONTEXT_KEY = "casebook_build_cache"
SESSION_FIELDS = ("reads", "values", "shared", "redirects")


def enabled(settings) -> bool:
    """Whether this build reads and writes the build cache."""
    return (
        bool(settings.get("CASEBOOK_BUILD_CACHE", True))
        and bool(settings.get("CACHE_PATH"))
        and session.active() is None  # a preview session keeps its own, in memory
    )


DIGEST = 32


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=DIGEST).digest()


class BuildCache:
    """One build's view of the cache: what the last build left, and what this one makes."""

    def __init__(self, settings: dict[str, Any], key: str) -> None:
        self.folder = os.path.join(settings["CACHE_PATH"], FOLDER)
        self.key = key
        self.store = pagestore.Store(self.folder)
        self.packs = packs.Packs(self.folder)  # each content file as read, pickled
        state = self._load()
        self.session = session.Session()
        if state is not None:
            for name in SESSION_FIELDS:
                setattr(self.session, name, state[name])
        self.fresh = state is None
        self.build = session.Build(self.session, full=self.fresh)
        # A key is as long-lived as the settings: pages that hold them need not compare them.
        self.build.canon.constant(settings, "settings")
        self.pages: dict[str, pagestore.Entry] = state["pages"] if state else {}
        self.new_pages: dict[str, pagestore.Entry] = {}
        # digest of a feed as Pelican made it -> its XML as written
        self.feeds: dict[str, pagestore.Entry] = state["feeds"] if state else {}
        self.new_feeds: dict[str, pagestore.Entry] = {}
        self.feeds_written = self.feeds_kept = 0
        # relpath -> digest of its bytes, and where its reading is kept
        self.reads: dict[str, tuple[bytes, packs.Where]] = state["files"] if state else {}
        self.new_reads: dict[str, tuple[bytes, packs.Where]] = {}
        self.seen: set[str] = set()

    @property
    def path(self) -> str:
        return os.path.join(self.folder, STATE.format(key=self.key))

    def _load(self) -> dict | None:
        try:
            with open(self.path, "rb") as file:
                theirs = foreign(os.stat(self.folder)) or foreign(os.fstat(file.fileno()))
                data = b"" if theirs else file.read()
        except OSError:
            return None  # none yet: the first build with these settings
        if theirs:
            # The state is a pickle, and its digest no signature: whoever may write it may
            # run anything in the next build. Only a speed-up: said, never a build's failure
            # (make publish stops at a warning, and some drives show every file writable).
            logger.info(
                "the build cache %s can be written by other users (or is theirs), so it is not "
                "read; every page is built again. Make it yours alone (chmod -R go-w, or "
                "make clean)",
                self.folder,
            )
            return None
        payload, trailer = data[len(MAGIC) : -DIGEST], data[-DIGEST:]
        if (
            len(data) < len(MAGIC) + DIGEST
            or not data.startswith(MAGIC)
            or trailer != _digest(payload)
        ):
            logger.info("the build cache %s is damaged; every page is built again", self.path)
            return None
        try:
            state = pickle.loads(payload)  # noqa: S301 - written by this build, digest checked
        except Exception:  # noqa: BLE001 - another version's, or not ours: never trusted
            logger.info("the build cache %s cannot be read; every page is built again", self.path)
            return None
        if not isinstance(state, dict) or state.get("key") != self.key:
            return None
        return state

    # Reading (readahead.py)
    def cached_read(self, relpath: str, made: bytes) -> bytes | None:
        """The file as the last build read it, pickled, if its bytes are the same."""
        hit = self.reads.get(relpath)
        if hit is None or hit[0] != made:
            return None
        data = self.packs.get(hit[1])
        if data is not None:
            self.new_reads[relpath] = hit
        return data

    def keep_read(self, read: bytes) -> packs.Where | None:
        """Keep what reading a file made, for the next build (in whichever process read it)."""
        return self.packs.add(read)

    def kept_read(self, relpath: str, made: bytes, where: packs.Where | None) -> None:
        """In the build's own process: where the reading of `relpath` is kept."""
        if where is not None:
            self.new_reads[relpath] = (made, where)

    # Feeds (poolwriter.py)
    def keep_feed(self, feed) -> None:
        """Write `feed` as the last build wrote the same feed, or serialise it and keep it."""
        serialise = feed.write

        def write(outfile, encoding) -> None:
            made = _feed_digest(feed, encoding)
            kept = self.feeds.get(made) if made else None
            text = self.store.text(kept)
            if text is None or kept is None:
                buffer = io.StringIO()  # feedgenerator writes text to a text file as it is
                serialise(buffer, encoding)
                text = buffer.getvalue()
                entry = self.store.put_text(text) if made else None
            else:
                entry = kept
                self.feeds_kept += 1
            self.feeds_written += 1
            if made and entry is not None:
                self.new_feeds[made] = entry
            outfile.write(text)

        feed.write = write

    # Writing (poolwriter.py)
    def keep_unchanged(self, pages: list, context: dict) -> list:
        """Put back every page whose inputs are unchanged; the pages left to render."""
        build, left = self.build, []
        if build.dirty is None:
            build.dirty = build._find_dirty(context)  # noqa: SLF001 - the preview's own step
            # Compared: last build's values need not live on while the pages render.
            self.session.values, self.session.shared = {}, {}
        for page in pages:
            localcontext = page.localcontext
            output = localcontext.get("output_file")
            again = output in self.seen
            self.seen.add(output)
            if (
                page.filename is not None
                and not again
                and not build.needs_render(output, page.template.name, localcontext, context)
                and self.store.restore(self.pages.get(output), page.filename)
            ):
                build.keep(output)
                self.new_pages[output] = self.pages[output]
            else:
                left.append(page)
        return left

    def render(self, page) -> tuple | None:
        """Render a page, recording what it reads; write it and store it (in any process)."""
        localcontext = page.localcontext
        output = localcontext.get("output_file")
        page.context["localsiteurl"] = page.localsiteurl
        if page.filename is None:
            page.template.render(localcontext)  # what Pelican skips writing
            return None
        build = self.build
        with build.render(output, page.template.name, localcontext, page.context):
            text = page.template.render(localcontext)
        pagestore.write_page(page.filename, text)
        entry = self.store.put(page.filename, text.encode("utf-8"))
        reads = build.reads[output]
        values = {(k, a): build.values[k][a] for k, a in reads.fields}
        shared = {name: build.shared[name] for name in reads.shared}
        return output, reads, values, shared, entry

    def rendered(self, made: tuple | None) -> None:
        """Take in what rendering one page recorded (in this process or a worker)."""
        if made is None:
            return
        output, reads, values, shared, entry = made
        build = self.build
        if output in build.reads and build.reads[output] is not reads:
            reads = dependencies.Reads("", {}, (), frozenset(), ())  # written twice
        elif build.reads.get(output) is not reads:
            # From a worker: its pairs and sets are its own copies; held once here, as this
            # process's own pages hold them (session.Build.shared_fields and alike).
            reads = dataclasses.replace(
                reads,
                fields=build.shared_fields(reads.fields),
                shared=build.alike(reads.shared),
                absent=build.alike(reads.absent),
            )
        build.reads[output] = reads
        if output not in build.rendered:
            build.rendered.append(output)
        for (key, attribute), value in values.items():
            build.values.setdefault(key, {})[attribute] = value
        build.shared.update(shared)
        if entry is not None:
            self.new_pages[output] = entry
        else:
            self.new_pages.pop(output, None)

    def save(self, output_path: str) -> None:
        """After the last page: what this build read and rendered, for the next one."""
        self.session._commit(self.build, output_path)  # noqa: SLF001 - the preview's own step
        logger.info(
            "build cache: %d pages rendered, %d put back as the last build wrote them; "
            "%d feeds, %d as the last build wrote them",
            len(self.build.rendered),
            self.build.kept,
            self.feeds_written,
            self.feeds_kept,
        )
        self._compact_packs()
        state = {name: getattr(self.session, name) for name in SESSION_FIELDS}
        state.update(key=self.key, pages=self.new_pages, files=self.new_reads, feeds=self.new_feeds)
        try:
            os.makedirs(self.folder, exist_ok=True)
            _dump_atomically(self.path, state)
            names = [e.digest for e in self.new_pages.values()]
            names += [e.digest for e in self.new_feeds.values()]
            names += [where.pack for _made, where in self.new_reads.values()]
            _write_atomically(self.path + ".pages", "\n".join(names).encode())
            self._forget_old()
        except Exception as error:  # noqa: BLE001 - only a speed-up: never fails a build
            logger.info("the build cache is not written (%s); the next build does all", error)

    def _forget_old(self) -> None:
        """Keep the last KEEP build keys, and the stored pages they use."""
        states = sorted(
            (e for e in os.scandir(self.folder) if e.name.startswith("state-") and
             e.name.endswith(".pickle")),
            key=lambda e: e.stat().st_mtime_ns,
            reverse=True,
        )  # fmt: skip
        kept: set[str] = set()
        for number, found in enumerate(states):
            if number >= KEEP:
                for path in (found.path, found.path + ".pages"):
                    with contextlib.suppress(OSError):
                        os.unlink(path)
                continue
            try:
                with open(found.path + ".pages", encoding="ascii") as file:
                    kept.update(file.read().split())
            except OSError:
                continue
        self.store.forget_all_but(kept)
        self.packs.forget(kept)

    def _compact_packs(self) -> None:
        """After many builds of a few edits each: every reading still used, in one pack."""
        if len({where.pack for _made, where in self.new_reads.values()}) <= packs.COMPACT_OVER:
            return
        fresh = packs.Packs(self.folder)
        for relpath, (made, where) in list(self.new_reads.items()):
            data = self.packs.get(where)
            moved = fresh.add(data) if data is not None else None
            if moved is None:
                del self.new_reads[relpath]
            else:
                self.new_reads[relpath] = (made, moved)
        fresh.close()


def foreign(found: os.stat_result) -> bool:
    """Whether another user could have written a file: theirs, or writable by anyone (then
    nothing in it that is run, a pickle or compiled code, is read)."""
    mine = getattr(os, "getuid", None)  # Windows: its folders' access lists, not modes
    return bool(found.st_mode & stat.S_IWOTH) or (mine is not None and found.st_uid != mine())


def _feed_digest(feed, encoding: str) -> str | None:
    """What names a feed's XML: all feedgenerator writes it from; None if it writes the clock."""
    if not feed.items or not all(i.get("pubdate") or i.get("updateddate") for i in feed.items):
        return None  # an undated feed or entry is written with the time of writing
    try:
        made = pickle.dumps(
            (type(feed).__module__, type(feed).__qualname__, encoding, feed.feed, feed.items),
            protocol=pickle.HIGHEST_PROTOCOL,
        )
    except Exception:  # noqa: BLE001 - something a plugin added that cannot be kept
        return None
    return hashlib.blake2b(made, digest_size=20).hexdigest()


class _Hashing:
    """A file that hashes what is written to it: the digest goes after the payload."""

    def __init__(self, file) -> None:
        self.file, self.digest = file, hashlib.blake2b(digest_size=DIGEST)

    def write(self, data) -> int:
        self.digest.update(data)
        return self.file.write(data)


def _dump_atomically(path: str, state: dict) -> None:
    """Pickle `state` into `path` as it goes (no copy of it in memory), with its digest."""
    fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path), suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(MAGIC)
            out = _Hashing(file)
            pickle.dump(state, out, protocol=pickle.HIGHEST_PROTOCOL)
            file.write(out.digest.digest())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_atomically(path: str, data: bytes) -> None:
    folder = os.path.dirname(path)
    fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def open_cache(generator) -> None:
    """The build's cache, made when the first generator is (article_generator_init)."""
    context, settings = generator.context, generator.settings
    if CONTEXT_KEY in context or not enabled(settings):
        return
    key = build_key(settings)
    context[CONTEXT_KEY] = BuildCache(settings, key) if key else None


def of(context) -> BuildCache | None:
    """This build's cache, if it keeps one."""
    return context.get(CONTEXT_KEY)


def wrote(context, save_as: str) -> None:
    """A file written outside the writer (a redirect page): it goes when it is no longer made."""
    cache = of(context)
    if cache is not None:
        cache.build.redirects.append(save_as)


def track_reads(generator) -> None:
    """Every page's template records what it reads (generator_init), for the next build."""
    if enabled(generator.settings):
        dependencies.track(generator.env)


def finish(context, output_path) -> None:
    """Write the cache once every page is written (after the last generator's output)."""
    cache = of(context)
    if cache is not None:
        cache.save(output_path)
        context[CONTEXT_KEY] = None  # once per build
