"""`jixiao serve`: a Prefect deployment that polls an inbox folder on a schedule."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from flows.cli import OUTPUT_HELP, STORE_HELP, _check_rules, _fail, app
from flows.render import console

# The commands import runs/ and reporting/ inside their functions, on purpose: `jixiao` starts
# without SQLAlchemy, pandas or Prefect, and each command pays only for what it uses.

DEPLOYMENT = "jixiao-inbox"
SERVER_START_SECONDS = 180


def parse_interval(text: str) -> timedelta:
    """`90`, `90s`, `10m`, `2h`, `1d` → a time span; a Chinese error for anything else."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text or "", re.IGNORECASE)
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"时间“{text}”无效：应为正数加单位，如 30s、10m、2h、1d")
    unit = {"": "seconds", "s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[m.group(2).lower()]
    return timedelta(**{unit: float(m.group(1))})


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_local_server(home: Path) -> tuple[subprocess.Popen, str]:
    """A Prefect server of this machine (`prefect server start`, its database in PREFECT_HOME),
    for when no PREFECT_API_URL is set: Prefect does not schedule on its ephemeral API."""
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = open(home / "server.log", "ab")
    proc = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    import urllib.request  # here: every other command would pay for loading it

    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Prefect 服务器启动失败（退出码 {proc.returncode}），日志见 {home / 'server.log'}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(1)
    proc.terminate()
    raise RuntimeError(f"Prefect 服务器 {SERVER_START_SECONDS} 秒内未就绪，日志见 {home / 'server.log'}")


@app.command()
def serve(
    inbox: Path = typer.Option(..., "--inbox", help="收件箱文件夹：每个子文件夹（或单个文件）为一份提交材料"),
    interval: Optional[str] = typer.Option(None, "--interval", help="轮询间隔，如 10m、1h（默认 10m）"),
    cron: Optional[str] = typer.Option(None, "--cron", help="按 cron 表达式轮询，如 \"0 8-18 * * 1-5\""),
    quiet: str = typer.Option("60s", "--quiet", help="子文件夹无 submission.yaml 时，须多久无改动才算提交完毕"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help=OUTPUT_HELP),
    store: Optional[str] = typer.Option(None, "--store", help=STORE_HELP),
    rules: Optional[Path] = typer.Option(None, "--rules", help="规则配置 YAML"),
    name: str = typer.Option("jixiao-inbox", "--name", help="Prefect 部署名称"),
) -> None:
    """按计划轮询收件箱：新到的提交材料（按内容去重，未改动的不重跑）复制归档后处理，结果写入 output/ 与结果库。
    未设置 PREFECT_API_URL 时在本机启动 Prefect 服务器。按 Ctrl-C 停止。"""
    from runs.paths import output_root

    # A served deployment's logs are its record in the Prefect UI (`jixiao run` keeps WARNING).
    os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"
    os.environ.pop("JIXIAO_STARTED_AT", None)  # a served run's start is not this command's
    if not inbox.is_dir():
        _fail(f"收件箱“{inbox}”不存在或不是文件夹")
    if interval and cron:
        _fail("--interval 与 --cron 只能给一个")
    _check_rules(rules)
    every = parse_interval(interval or "10m") if not cron else None
    quiet_seconds = parse_interval(quiet).total_seconds()
    root = output_root(output).resolve()
    home = Path(os.environ.get("PREFECT_HOME") or root / ".prefect")
    home.mkdir(parents=True, exist_ok=True)
    os.environ["PREFECT_HOME"] = str(home)
    server = None
    from prefect.settings import PREFECT_API_URL

    if not (os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value()):
        console.print("未设置 PREFECT_API_URL：Prefect 不在临时（ephemeral）服务器上按计划运行，正在本机启动 Prefect 服务器……")
        try:
            server, url = start_local_server(home)
        except RuntimeError as exc:
            _fail(str(exc))
        os.environ["PREFECT_API_URL"] = url
        console.print(f"已启动本机 Prefect 服务器：{url}（界面 {url.removesuffix('/api')}），停止 serve 时一并停止")
    from prefect.settings import temporary_settings

    from flows.run import poll_inbox_flow
    from runs.options import RunOptions

    plan = f"cron “{cron}”" if cron else f"每 {every}"
    console.print(f"收件箱：[bold]{escape(str(inbox.resolve()))}[/]，{plan} 轮询一次；结果目录：{escape(str(root))}")
    try:
        with temporary_settings({PREFECT_API_URL: os.environ["PREFECT_API_URL"]}):
            poll_inbox_flow.serve(
                name=name,
                interval=every,
                cron=cron,
                parameters={"inbox": str(inbox.resolve()), "quiet_seconds": quiet_seconds,
                            "options": RunOptions(output_root=str(root), store=store,
                                                  rules=str(rules.resolve()) if rules else None)},
                tags=["jixiao", "inbox"],
                description=f"轮询收件箱 {inbox.resolve()}",
            )
    except KeyboardInterrupt:
        pass
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
