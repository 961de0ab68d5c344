# MkDocs 钩子：调用已安装的 wenming-site 工具（由 wenming init 生成，不需要修改）。
from wenmingsite.scaffold import glue_hooks; globals().update(glue_hooks())
