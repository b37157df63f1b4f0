"""Words shared by every family of messages, and the lines a run closes with."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {}

PHRASES: dict[str, dict[Lang, str]] = {
    "sep": {"zh": "；", "en": "; "},
    "list-sep": {"zh": "、", "en": ", "},
    "arrow": {"zh": " → ", "en": " → "},
    "none": {"zh": "（无）", "en": "none"},
    "did-you-mean": {"zh": "是否应为“{name}”？", "en": "did you mean '{name}'?"},
    "sets-here": {"zh": "这里的条款集：{names}", "en": "sets here: {names}"},
    "summary": {"zh": "{errors}个错误，{warnings}个警告", "en": "{errors} error(s), {warnings} warning(s)"},
    "checked": {"zh": "通过：检查了{count}个条款集", "en": "ok: {count} clause set(s) checked"},
    "internal-error": {"zh": "stdgen：内部错误：{error}；请报告此问题",
                       "en": "stdgen: internal error: {error}; please report it"},
    "waiting": {"zh": "另一个 stdgen 进程正在写入 {folder}；等待其完成",
                "en": "another stdgen run is writing {folder}; waiting for it to finish"},
    "up-to-date": {"zh": "没有变化：无需构建", "en": "up to date: nothing to build"},
    "progress-plan": {"zh": "生成{sets}个条款集的{files}个文件", "en": "building {files} files of {sets} sets"},
    "progress-line": {"zh": "生成 [{bar}]  条款集 {sets_done}/{sets}  文件 {files_done}/{files}  {last}",
                      "en": "building [{bar}]  sets {sets_done}/{sets}  files {files_done}/{files}  {last}"},
    "serve-url": {"zh": "正在提供 {url}（按 Ctrl-C 停止）", "en": "serving {url} (Ctrl-C stops)"},
    "serve-changed": {"zh": "条款文件有改动：重新生成", "en": "clause files changed: rebuilding"},
    "serve-failed": {"zh": "生成失败：仍提供此前的输出", "en": "build failed: the previous output is still served"},
    "serve-built": {"zh": "已生成：写出{count}个文件", "en": "built: {count} file(s) written"},
    "serve-stopped": {"zh": "已停止", "en": "stopped"},
    "serve-port": {"zh": "stdgen serve：无法在 127.0.0.1:{port} 上提供服务：{reason}",
                   "en": "stdgen serve: cannot serve on 127.0.0.1:{port}: {reason}"},
}
