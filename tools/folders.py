"""A publish build's new folder, with its folders made while Pelican reads.

`make publish` writes every page into a new folder, and almost every page has a
folder of its own (news/2024/<slug>/index.html): at 10,000 articles, 15,000
folders. Made by the writing processes, page by page, they cost up to a second
or two of each (the file system does them one at a time), and deleting the
replaced output's folders as many again. They are known before the build
starts, so a forked process gets them ready while Pelican reads the content on
the other core, in one of two ways:

- `reused`: the new folder is an output an earlier publish replaced (kept in
  the cache for this, tools/publish.py). Its folders are kept and every file in
  it is removed: most are hard links to files of the published site, so nothing
  may be written until they are gone (wait(), before Pelican asks for a
  writer; should the process fail, the folder is emptied completely instead).
- otherwise the previous output's folders are made in the empty new folder, by
  two processes (making a folder is slow on some disks: 0.1-0.4 ms each here).

After the build, the folders that no file went into (an article deleted or
moved) are removed.
"""

import ctypes
import os
import shutil
import signal
import tempfile


class FoldersAhead:
    def __init__(self, source, target, reused=False):
        self.target = target
        self.reused = reused
        self.pid = None
        self.made = tempfile.TemporaryFile()  # the folders kept or made, for remove_unused
        if not reused and not os.path.isdir(source):
            return
        self.pid = os.fork()
        if self.pid == 0:  # the child: leave without running the parent's exit handlers
            status = 1
            try:
                if reused:
                    remove_files(target, self.made)
                else:
                    make_folders(source, target, self.made)
                status = 0
            finally:
                os._exit(status)

    def wait(self):
        """Until the folder is ready: before Pelican writes anything."""
        if self.pid:
            _, status = os.waitpid(self.pid, 0)
            self.pid = None
            if status != 0 and self.reused:
                # files of an older output may be left, linked to the published
                # site's: never write into them
                shutil.rmtree(self.target)
                os.mkdir(self.target)

    def stop(self):
        if self.pid:
            os.kill(self.pid, signal.SIGKILL)
        self.wait()
        self.made.close()

    def remove_unused(self):
        """Remove the folders made ahead that are still empty, deepest first."""
        self.wait()
        self.made.seek(0)
        names = self.made.read().split(b"\0")
        self.made.close()
        for relative in reversed(names):
            if relative:
                try:
                    os.rmdir(os.path.join(os.fsencode(self.target), relative))
                except OSError:
                    pass  # a file went into it (or a folder that did)


def remove_files(target, made):
    """Remove everything under `target` but its folders; their names to `made`."""
    target = os.fsencode(target)
    names, pending = [], [b""]
    while pending:
        relative = pending.pop()
        with os.scandir(os.path.join(target, relative)) as entries:
            for entry in entries:
                path = os.path.join(relative, entry.name)
                if entry.is_dir(follow_symlinks=False):
                    names.append(path)  # a folder before those inside it
                    pending.append(path)
                else:
                    os.unlink(entry.path)
    made.write(b"\0".join(names))
    made.flush()


def make_folders(source, target, made):
    """Every folder under `source`, made under `target`, by two processes; their
    names to `made`."""
    source, target = os.fsencode(source), os.fsencode(target)
    names = []
    for folder, folders, _ in os.walk(source):  # a folder before those inside it
        relative = os.path.relpath(folder, source)
        names += [os.path.normpath(os.path.join(relative, name)) for name in folders]
    # The first two levels (news/2024) here, then each process the whole
    # branches it is given below them: parents are always made before children.
    top = [name for name in names if name.count(b"/") < 2]
    branches = {}
    for name in names:
        if name.count(b"/") >= 2:
            branches.setdefault(b"/".join(name.split(b"/")[:2]), []).append(name)
    halves = [[], []]
    for branch in sorted(branches.values(), key=len, reverse=True):  # balanced by size
        min(halves, key=len).extend(branch)
    made_top = make(target, top)
    other = tempfile.TemporaryFile()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            die_with_parent()
            other.write(b"\0".join(make(target, halves[1])))
            other.flush()
            status = 0
        finally:
            os._exit(status)
    mine = make(target, halves[0])
    _, status = os.waitpid(pid, 0)
    if status != 0:
        raise OSError("folders: the second process failed")
    other.seek(0)
    theirs = [name for name in other.read().split(b"\0") if name]
    made.write(b"\0".join(made_top + mine + theirs))
    made.flush()


def die_with_parent():
    """Linux: killed with the process that forked it (FoldersAhead.stop kills that one)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def make(target, names):
    """Make the folders `names` (parents first) under `target`; those it made."""
    done = []
    for path in names:
        try:
            os.mkdir(os.path.join(target, path))
        except FileExistsError:
            continue
        done.append(path)
    return done
