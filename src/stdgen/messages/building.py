"""Wording of what building reports: B001–B007 (builds), T001–T002 (bureau templates), I001 (import),
C001–C003 (concordance), and the lines of the commands themselves."""

from __future__ import annotations

from ..i18n import Lang

_REPORT_SET = ("此前的输出保持不变；请连同条款集报告此问题",
               "the previous output was left untouched; please report this with the clause set")
_FIX_TEMPLATE = ("改正模板；此前的输出保持不变", "fix the template; the previous output was left untouched")

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "B001.build": {
        "zh": ("生成 {name} 失败：{file}：{error}", _REPORT_SET[0]),
        "en": ("building {name} failed: {file}: {error}", _REPORT_SET[1]),
    },
    "B001.cross": {
        "zh": ("生成对照表、交叉引用索引和网站失败：{error}", "此前的文件保持不变；请报告此问题"),
        "en": ("building the concordance, cross-reference index and site failed: {error}",
               "the previous files were left untouched; please report this"),
    },
    "B001.checklist": {
        "zh": ("生成 {name} 的检查表失败：{error}", "此前的文件保持不变；请连同条款集报告此问题"),
        "en": ("building the checklist of {name} failed: {error}",
               "the previous files were left untouched; please report this with the clause set"),
    },
    "B001.cards": {
        "zh": ("生成 {name} 的用语卡片失败：{error}", "此前的文件保持不变；请连同条款集报告此问题"),
        "en": ("building the cards of {name} failed: {error}",
               "the previous files were left untouched; please report this with the clause sets"),
    },
    "B002": {
        "zh": ("{name} 适用于 {scope} 的检查表没有任何行，未写出文件", "换一个 --scope，或加上 --recommendations"),
        "en": ("the checklist of {name} for scope {scope} has no rows; nothing written",
               "choose another --scope, or add --recommendations"),
    },
    "B003.checklist": {
        "zh": ("{name} 的检查表没有任何行：条款集中没有要求条款（type: requirement），也没有带 check: 的条款",
               "照常写出；给条款写 type: requirement 或 check: 即可有内容"),
        "en": ("the checklist of {name} has no rows: the set has no requirement clause (type: requirement) "
               "and no clause with check:",
               "it is written all the same; give clauses type: requirement or a check: to fill it"),
    },
    "B003.cards": {
        "zh": ("{name} 的用语卡片是空的：条款集中没有给出用语（phrases:）的条款",
               "照常写出；给条款写 phrases: 即可有内容"),
        "en": ("the phrase cards of {name} are empty: no clause of the set gives phrases (phrases:)",
               "it is written all the same; give clauses phrases: to fill it"),
    },
    "B004.build": {
        "zh": ("生成 {name} 失败：{file}：{problem}",
               "{install}；该条款集的文件一个也没有替换：此前的输出保持完整，各格式为同一版本"),
        "en": ("building {name} failed: {file}: {problem}",
               "{install}; no file of the set was replaced: its previous output stays whole, one edition in every "
               "format"),
    },
    "B004.checklist": {
        "zh": ("{name} 的 checklist{suffix}.pdf：{problem}",
               "{install}；该检查表的文件一个也没有替换（各格式仍为此前的版本）"),
        "en": ("checklist{suffix}.pdf of {name}: {problem}",
               "{install}; no file of this checklist was replaced (every format stays the previous edition)"),
    },
    "B004.cards": {
        "zh": ("{name} 的用语卡片：{problem}", "{install}；这套卡片的文件一个也没有替换（各格式仍为此前的版本）"),
        "en": ("the cards of {name}: {problem}",
               "{install}; no file of this deck was replaced (every format stays the previous edition)"),
    },
    "B004.score": {
        "zh": ("评分报告 score.pdf：{problem}", "{install}；此前的评分报告保持不变"),
        "en": ("score.pdf: {problem}", "{install}; the previous report was left untouched"),
    },
    "B005": {
        "zh": ("{file} 印有{count}个 GBK 以外的字符，许多计算机的宋体、黑体没有这些字符：{chars}",
               "DOCX 只写明字体名称，不嵌入字体；没有含这些字符的字体的读者会看到方框：请同时发送 PDF"),
        "en": ("{file} prints {count} character(s) outside GBK, which the 宋体/黑体 of many computers lack: {chars}",
               "the DOCX names its fonts and embeds none; readers without a font that has these characters see "
               "boxes: send the PDF too"),
    },
    "B006": {
        "zh": ("无法写入 {folder}：{reason}", "用 --out 指定一个可以写入的文件夹"),
        "en": ("cannot write to {folder}: {reason}", "give --out a folder you may write to"),
    },
    "B007": {
        "zh": ("{name}：没有适用于 {scope} 的用语，未写出 {layout}", "换一个 --scope 或 --layout，或选其他条款集"),
        "en": ("{name}: no phrases for scope {scope}; no {layout} written",
               "choose another --scope or --layout, or other sets"),
    },
    "B007.poster": {
        "zh": ("{name}：没有适用于 {scope} 的服务忌语，未写出 {layout}", "换一个 --scope 或 --layout，或选其他条款集"),
        "en": ("{name}: no forbidden phrases for scope {scope}; no {layout} written",
               "choose another --scope or --layout, or other sets"),
    },
    "T001.folder": {
        "zh": ("没有模板文件夹 {folder}", "用 --templates 指定一个文件夹"),
        "en": ("no templates folder {folder}", "give --templates a folder"),
    },
    "T001.check": {
        "zh": ("模板 {template} 有错误：{problem}", "改正模板：未用它生成任何文件"),
        "en": ("template {template}: {problem}", "fix the template: nothing was built with it"),
    },
    "T001.build": {
        "zh": ("生成 {name} 失败：{file}：模板 {template}：{problem}", _FIX_TEMPLATE[0]),
        "en": ("building {name} failed: {file}: template {template}: {problem}", _FIX_TEMPLATE[1]),
    },
    "T002.build": {
        "zh": ("生成 {name} 失败：{file}：模板 {template}：{problem}", _FIX_TEMPLATE[0]),
        "en": ("building {name} failed: {file}: template {template}: {problem}", _FIX_TEMPLATE[1]),
    },
    "T001.checklist": {
        "zh": ("{name} 的 checklist{suffix}：模板 {template}：{problem}", "改正模板；此前的文件予以保留"),
        "en": ("checklist{suffix} of {name}: template {template}: {problem}",
               "fix the template; the previous files were kept"),
    },
    "T002.checklist": {
        "zh": ("{name} 的 checklist{suffix}：模板 {template}：{problem}", "改正模板；此前的文件予以保留"),
        "en": ("checklist{suffix} of {name}: template {template}: {problem}",
               "fix the template; the previous files were kept"),
    },
    "T001.cards": {
        "zh": ("{name} 的用语卡片：模板 {template}：{problem}", "改正模板；此前的文件予以保留"),
        "en": ("the cards of {name}: template {template}: {problem}", "fix the template; the previous files were kept"),
    },
    "T002.cards": {
        "zh": ("{name} 的用语卡片：模板 {template}：{problem}", "改正模板；此前的文件予以保留"),
        "en": ("the cards of {name}: template {template}: {problem}", "fix the template; the previous files were kept"),
    },
    "T001.score": {
        "zh": ("评分报告：模板 {template}：{problem}", "改正模板；此前的评分报告保持不变"),
        "en": ("score report: template {template}: {problem}",
               "fix the template; the previous report was left untouched"),
    },
    "T002.score": {
        "zh": ("评分报告：模板 {template}：{problem}", "改正模板；此前的评分报告保持不变"),
        "en": ("score report: template {template}: {problem}",
               "fix the template; the previous report was left untouched"),
    },
    "I001": {
        "zh": ("{where}：“{what}”：{why}", "在条款集中手工补到应在的位置"),
        "en": ("{where}: '{what}': {why}", "add it to the clause set by hand where it belongs"),
    },
    "C001": {
        "zh": ("主题“{topic}”列出的“{ident}”不是任何条款集的条款", "使用条款的编号（不是术语、表或附录的编号）"),
        "en": ("topic '{topic}' names '{ident}', which is no clause of any set",
               "use the ID of a clause (not a term, table or annex)"),
    },
    "C001.set": {
        "zh": ("对照表中的条款集“{name}”不在此处", "这里的条款集：{sets}"),
        "en": ("concordance set '{name}' is no clause set here", "sets here: {sets}"),
    },
    "C002": {
        "zh": ("“{ident}”与主题“{topic}”中的其他条款都没有相关链接", "把对应的条款加入其 related，或把它移到别的主题"),
        "en": ("'{ident}' has no related link to another clause of topic '{topic}'",
               "add the equivalent clauses to its related list, or move it to another topic"),
    },
    "C003": {
        "zh": ("相关链接 {first} ↔ {other} 不在 {file} 的任何主题中",
               "把两个编号加入 {file} 的某个主题；在此之前该链接单独成行"),
        "en": ("the related link {first} ↔ {other} is in no topic of {file}",
               "add both IDs to a topic in {file}; until then the link has a row of its own"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {
    "fonts-install": {"zh": "安装 {package}（Debian/Ubuntu：apt-get install {package}），或安装该字体角色所列的字体",
                      "en": "install {package} (Debian/Ubuntu: apt-get install {package}), or a font of the role's "
                            "stack"},
    "font-none": {"zh": "{role}角色没有已安装的字体（查找了 {looked}）",
                  "en": "no installed font for the {role} role (looked for {looked})"},
    "font-lacks": {"zh": "{role}字体 {family} 缺少{count}个字符：{chars}",
                   "en": "the {role} font {family} lacks {count} character(s): {chars}"},
    "chars-more": {"zh": "{shown} 等（另有{more}个）", "en": "{shown} … and {more} more"},
    "fc-list-missing": {"zh": "没有安装 fontconfig 的 fc-list，无法检查字体",
                        "en": "fontconfig's fc-list is not installed, so the fonts cannot be checked"},
    "fontconfig-install": {"zh": "安装 fontconfig（Debian/Ubuntu：apt-get install fontconfig）",
                           "en": "install fontconfig (Debian/Ubuntu: apt-get install fontconfig)"},
    "template-stale": {"zh": "{stale} 已不再读取：把封面写成 {cover}，DOCX 也会印出（见 README 的 Bureau templates）",
                       "en": "{stale} is not read any more: write the cover as {cover}, which the DOCX prints too "
                             "(README, Bureau templates)"},
    "template-outside": {"zh": "模板指向其文件夹以外", "en": "the template leads outside its folder"},
    "template-not-file": {"zh": "不是可读取的文件（是文件夹，或指向不存在的位置、循环指向的链接）",
                          "en": "not a file that can be read (a folder, or a link that leads nowhere or in a circle)"},
    "template-not-utf8": {"zh": "不是 UTF-8 文本（偏移 {offset} 处的字节 {byte}）：把模板另存为 UTF-8",
                          "en": "not UTF-8 text (byte {byte} at offset {offset}): save the template as UTF-8"},
    "template-unreadable": {"zh": "无法读取：{reason}", "en": "cannot be read: {reason}"},
    "cover-line": {"zh": "封面行“{line}”不是“角色[属性]: 文字”（ROLE[ATTRIBUTES]: TEXT）",
                   "en": "cover line '{line}' is not `ROLE[ATTRIBUTES]: TEXT`"},
    "cover-role": {"zh": "未知的封面角色“{role}”{suggestion}；可用角色：{roles}",
                   "en": "unknown cover role '{role}'{suggestion}; roles: {roles}"},
    "cover-attribute": {"zh": "未知的封面属性“{key}”{suggestion}；此处可用：{allowed}",
                        "en": "unknown cover attribute '{key}'{suggestion}; here: {allowed}"},
    "style-line": {"zh": "样式行“{line}”不是“样式名[属性]”（NAME[ATTRIBUTES]）",
                   "en": "style line '{line}' is not `NAME[ATTRIBUTES]`"},
    "style-name": {"zh": "未知的样式“{name}”{suggestion}", "en": "unknown style '{name}'{suggestion}"},
    "style-attribute": {"zh": "未知的样式属性“{key}”{suggestion}；此处可用：{allowed}",
                        "en": "unknown style attribute '{key}'{suggestion}; here: {allowed}"},
    "style-text": {"zh": "样式行在属性之后不写文字：“{line}”",
                   "en": "a style line has no text after its attributes: '{line}'"},
    "cover-did-you-mean": {"zh": "（是否应为“{name}”？）", "en": " (did you mean '{name}'?)"},
    "cover-bold": {"zh": "bold=“{value}”：写 bold 或 bold=no", "en": "bold='{value}': write bold or bold=no"},
    "cover-choice": {"zh": "{key}=“{value}”：应为 {choices} 之一", "en": "{key}='{value}': one of {choices}"},
    "cover-range": {"zh": "{key}=“{value}”：应为 {low} 到 {high} 之间的数",
                    "en": "{key}='{value}': a number from {low} to {high}"},
    "import-cover-table": {"zh": "封面上的表", "en": "a table on the cover"},
    "import-cover-text": {"zh": "不属于任何已知封面要素的封面文字", "en": "cover text that is no known cover element"},
    "import-foreword-table": {"zh": "前言或引言中的表", "en": "a table in the 前言 or 引言"},
    "import-before-scope": {"zh": "前言与第1章之间的文字", "en": "text between the 前言 and chapter 1"},
    "import-scope-table": {"zh": "第1章中的表", "en": "a table in chapter 1"},
    "import-references-text": {"zh": "第2章中既不是引导语也不是引用文件的文字",
                               "en": "chapter 2 text that is neither the lead sentence nor a reference"},
    "import-terms-table": {"zh": "第3章中的表", "en": "a table in chapter 3"},
    "import-terms-text": {"zh": "第3章中第一个术语之前的文字", "en": "chapter 3 text before the first term"},
    "import-bibliography-text": {"zh": "参考文献中不是编号条目 [n] 的文字",
                                 "en": "参考文献 text that is not a numbered entry [n]"},
    "import-before-body": {"zh": "第一个章或附录标题之前的内容",
                           "en": "content before the first chapter or annex heading"},
    "import-figure": {"zh": "图：图片未导入；把图片存入条款集文件夹，并在条款中写 figure: {{id, caption, file}}",
                      "en": "a figure: its image is not imported; save it in the set folder and add "
                            "figure: {{id, caption, file}} to the clause"},
    "import-second-table": {"zh": "一个条款中的第二个表（一个条款只含一个表）",
                            "en": "a second table in one clause (a clause holds one table)"},
    "import-second-definition": {"zh": "第二段定义，已并入第一段",
                                 "en": "a second definition paragraph, joined to the first"},
    "import-after-list": {"zh": "列项之后的段落，已放在列项之前",
                          "en": "a paragraph after a list is placed before the list"},
    "import-no-banner": {"zh": "封面上没有“地方标准”一行：使用发布机构",
                         "en": "no 地方标准 line on the cover: the issuer is used"},
    "import-no-issuer": {"zh": "封面上没有“……发布”一行：使用封面标志行",
                         "en": "no “… 发布” line on the cover: the banner is used"},
    "import-no-title": {"zh": "没有找到标题：使用文件名", "en": "no title found: the file name is used"},
    "import-term-lacks": {"zh": "该术语没有 {key}", "en": "the term has no {key}"},
    "import-at-line": {"zh": "第{number}行", "en": "line {number}"},
    "import-at-page": {"zh": "第{number}页", "en": "page {number}"},
    "import-at-paragraph": {"zh": "第{number}段", "en": "paragraph {number}"},
    "import-at-term": {"zh": "术语{number}", "en": "term {number}"},
    "import-at-cover": {"zh": "封面", "en": "cover"},
    "import-at": {"zh": "{where}", "en": "{where}"},
    "import-all-placed": {"zh": "{file}：所有内容均已放入条款集。", "en": "{file}: every block was placed."},
    "import-not-placed": {"zh": "{file}：{count}处内容未能照原样放入：",
                          "en": "{file}: {count} block(s) not placed as they are:"},
    "import-no-file": {"zh": "stdgen import：没有文件 {file}", "en": "stdgen import: no file {file}"},
    "imported": {"zh": "{folder}：{chapters}章，{terms}个术语，{annexes}个附录；"
                       "{unplaced}处内容未能放入（见 {listed}）",
                 "en": "{folder}: {chapters} chapter(s), {terms} term(s), {annexes} annex(es); {unplaced} block(s) "
                       "not placed (see {listed})"},
    "import-passes": {"zh": "通过：{folder} 通过 stdgen check", "en": "ok: {folder} passes stdgen check"},
    "choose-name": {"zh": "；另选一个 --name", "en": "; choose another --name"},
    "bad-set-name": {"zh": "stdgen {command}：“{name}”不能用作条款集名：只用字母、数字、“-”“_”和“.”"
                           "（条款集旁边的一个文件夹，如 my-city）{hint}",
                     "en": "stdgen {command}: '{name}' cannot name a clause set: use letters, digits, '-', '_' "
                           "and '.' (a folder beside the sets, e.g. my-city){hint}"},
    "bad-code": {"zh": "stdgen {command}：--code“{code}”应由字母和数字组成，以字母开头",
                 "en": "stdgen {command}: --code '{code}' must be letters and digits, starting with a letter"},
    "folder-in-use": {"zh": "stdgen {command}：{folder} 已存在且不是空的{hint}",
                      "en": "stdgen {command}: {folder} exists and is not empty{hint}"},
    "schema-unwritable": {"zh": "stdgen schema：无法写入 {path}：{reason}；用 --out 指定一个可以写入的文件路径",
                          "en": "stdgen schema: cannot write {path}: {reason}; give --out a file path you may write "
                                "to"},
    "no-shared-ids": {"zh": "{old} 和 {new} 没有共同的条款编号：无法逐条比较",
                      "en": "{old} and {new} share no clause ID: there is nothing to compare clause by clause"},
    "next-steps": {"zh": "下一步：编辑 {standard}，然后运行 `stdgen check {name}` 和 `stdgen build {name}`",
                   "en": "next: edit {standard}, then `stdgen check {name}` and `stdgen build {name}`"},
}
