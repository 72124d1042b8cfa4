"""`make deploy`: upload the built site so that readers never notice.

A single `rsync --delete` replaces files in whatever order it walks them: for a
while a new page can point at a fingerprinted stylesheet or picture not yet
uploaded, and an old page at one already deleted. Instead, four rsync passes:

1. files: everything pages point at (fingerprinted CSS and JS, pictures,
   attachments), nothing deleted. Old pages still find their old files;
2. pages: HTML, feeds, sitemap.xml, robots.txt, _headers and the search index,
   nothing deleted. Every page now is new and every file it needs is there;
3. stale pages: pages the site no longer has are deleted;
4. stale files: then the files no page points at any more.

Stopped at any point (a dropped connection, a cancelled CI job), the site
works: each file is replaced whole (rsync writes a temporary file and renames
it), and at every moment each page on the host finds its files. The next
deploy completes the job. --checksum: builds are byte-identical for the same
input, so only changed files are sent. docs/hosting.md, "Deploying".
"""

import argparse
import shutil
import subprocess
import sys

# What a page is: files that point at others and keep their address from build to build.
PAGES = ["*.html", "*.xml", "/robots.txt", "/_headers", "/search-index/"]
RSYNC = ["rsync", "--recursive", "--links", "--checksum", "--human-readable", "--itemize-changes"]
PASSES = {
    "files": [f"--exclude={pattern}" for pattern in PAGES],
    "pages": [],
    # only pages are candidates for deletion: every other file is excluded, hence kept
    "stale-pages": ["--delete", "--include=*/", "--include=/search-index/**",
                    *(f"--include={pattern}" for pattern in PAGES if not pattern.endswith("/")),
                    "--exclude=*"],
    "stale-files": ["--delete"],
}
STEPS = {
    "files": "第 1 步（共 4 步）：新的样式、脚本和图片",
    "pages": "第 2 步：网页、订阅、站点地图和搜索索引",
    "stale-pages": "第 3 步：删除网站已不再有的网页",
    "stale-files": "第 4 步：删除不再用到的样式、脚本和图片",
}
NO_RSYNC = ("找不到 rsync 命令：make deploy 用它上传网站，网站没有改动。"
            "请先安装（Debian/Ubuntu：sudo apt-get install rsync，或运行 tools/system-packages.sh install）后重试。")


def deploy(output, target, stop_after=None):
    """Run the passes in order; the return code of the first that fails, else 0."""
    source = output.rstrip("/") + "/"
    for name, options in PASSES.items():
        print(f"== 上传{STEPS[name]}", flush=True)
        result = subprocess.run([*RSYNC, *options, source, target])
        if result.returncode != 0:
            print(f"上传在{STEPS[name].split('：')[0]}中断（rsync 返回 {result.returncode}）；服务器上的网站仍可正常访问，"
                  "修复后重新运行 make deploy 即可完成。", file=sys.stderr)
            return result.returncode
        if name == stop_after:
            break
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="the built site (OUTPUTDIR)")
    parser.add_argument("target", help="rsync destination: www@host:/srv/www/ or a folder")
    parser.add_argument("--stop-after", choices=list(PASSES),
                        help="stop after this pass (the tests use it to look at a deploy halfway)")
    args = parser.parse_args(argv)
    if shutil.which("rsync") is None:
        print(NO_RSYNC, file=sys.stderr)
        return 2
    return deploy(args.output, args.target, args.stop_after)


if __name__ == "__main__":
    sys.exit(main())
