"""`make serve`: preview the site at http://HOST:PORT, rebuilt on every save.

A content problem is printed once per save and shown in the browser at every
address until it is fixed; the last good site is kept meanwhile. Open tabs
reload themselves after each rebuild. See docs/editor-guide/index.md (预览).
"""

import argparse
import signal
import sys
import threading

from preview.builder import Builder
from preview.server import make_server
from preview.site import PreviewState
from preview.watch import start_watching


def echo(text):
    """What a build prints (problems, warnings, progress), once, as it prints it."""
    sys.stderr.write(text)
    sys.stderr.flush()


def report(status, seconds):
    """The terminal's line after each build."""
    if status == 0:
        print(f"已更新（用时 {seconds:.1f} 秒）。", flush=True)
    else:
        print("预览里显示这些问题；改好并保存后会自动重新生成。", flush=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content")
    parser.add_argument("output")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    state = PreviewState()
    builder = Builder(args.content, args.output, args.settings, state, echo, report)
    try:
        server = make_server(args.host, args.port, builder.output, state)
    except OSError:
        print(f"无法在 {args.host}:{args.port} 上启动预览：这个端口可能已被占用"
              "（例如另一个 make serve 还在运行）。可换一个端口：make serve PORT=8001",
              file=sys.stderr)
        return 2
    folders = start_watching(args.content, args.settings, builder.request)
    builder.start()
    builder.request()  # the first build; saves from now on are watched
    print(f"预览地址：http://{args.host}:{args.port}/  （按 Ctrl+C 停止）", flush=True)
    print("保存以下文件夹中的文件后会自动重新生成：" + "、".join(folders), flush=True)
    # SIGTERM ends the server like Ctrl+C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    thread = threading.Thread(target=server.serve_forever, name="server", daemon=True)
    thread.start()
    try:
        thread.join()
    except KeyboardInterrupt:
        print("\n预览已停止。")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
