"""The previous output's folders, made in a publish build's new folder while
Pelican reads the content.

`make publish` writes every page into a new folder, and almost every page has a
folder of its own (news/2024/<slug>/index.html): at 10,000 articles, 15,000
folders to make. Made by the writing processes, page by page, they cost up to a
second or two of each (the file system does them one at a time). They are known
before the build starts, since the previous output has them: a forked process
makes them while Pelican reads the content on the other core, and the writing
processes find them made. After the build, the folders made ahead that no file
went into (an article deleted or moved) are removed again.
"""

import os
import signal
import tempfile


class FoldersAhead:
    def __init__(self, source, target):
        self.target = target
        self.pid = None
        self.made = tempfile.TemporaryFile()  # the folders made, for remove_unused
        if not os.path.isdir(source):
            return
        self.pid = os.fork()
        if self.pid == 0:  # the child: make them, and leave without running exit handlers
            status = 1
            try:
                make_folders(source, target, self.made)
                status = 0
            finally:
                os._exit(status)

    def wait(self):
        """Until every folder is made: before Pelican writes anything."""
        if self.pid:
            os.waitpid(self.pid, 0)
            self.pid = None

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
