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
- otherwise the previous output's folders are made in the empty new folder.

After the build, the folders that no file went into (an article deleted or
moved) are removed.
"""

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
    """Every folder under `source`, made under `target`; their names to `made`."""
    source, target = os.fsencode(source), os.fsencode(target)
    names = []
    for folder, folders, _ in os.walk(source):  # a folder before those inside it
        relative = os.path.relpath(folder, source)
        for name in folders:
            path = os.path.normpath(os.path.join(relative, name))
            try:
                os.mkdir(os.path.join(target, path))
            except FileExistsError:
                continue
            names.append(path)
    made.write(b"\0".join(names))
    made.flush()
