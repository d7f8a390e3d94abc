"""The words a 1C-Bitrix site answers with, exactly as its language files write them.

Source: `modules/sale/install/components/bitrix/sale.export.1c/lang/ru/component.php` of the
avshatalov48/bitrix-core-business mirror (keys `CC_BSC1_*`), and
`modules/sale/admin/1c_exchange.php` for the page's own "Unknown command type." (English in
the original). A client shows these to the user verbatim, so they are kept letter for letter.
"""

from __future__ import annotations

AUTHORIZE = "Ошибка авторизации. Неверное имя пользователя или пароль."
"""CC_BSC1_ERROR_AUTHORIZE: wrong login or password, and also no (valid) session cookie."""

PERMISSION_DENIED = "У Вас нет прав для обмена. Проверьте настройки компонента."
"""CC_BSC1_PERMISSION_DENIED: the user is not in the component's GROUP_PERMISSIONS."""

SOURCE_CHECK = "Ошибка проверки источника запроса. Обновите модуль обмена."
"""CC_BSC1_ERROR_SOURCE_CHECK: `secure_1c_exchange=Y` and the request's `sessid` is wrong."""

UNKNOWN_COMMAND = "Неизвестная команда."
"""CC_BSC1_ERROR_UNKNOWN_COMMAND: a `mode` the component does not know."""

EMPTY_CML = "Файл для импорта пуст."
"""CC_BSC1_EMPTY_CML: `mode=file` without a file to write."""

ERROR_INIT = "Ошибка инициализации временного каталога."
"""CC_BSC1_ERROR_INIT: `mode=init` could not create upload/1c_exchange/ (a real failure text)."""

UNKNOWN_TYPE = "Unknown command type."
"""/bitrix/admin/1c_exchange.php with a `type` it does not route (not sale/catalog/...)."""

PHP_FATAL = (
    "<br />\n<b>Fatal error</b>:  Allowed memory size of 268435456 bytes exhausted "
    "(tried to allocate 20480 bytes) in <b>/home/bitrix/www/bitrix/modules/sale/general/"
    "export.php</b> on line <b>1187</b><br />\n"
)
"""What PHP prints on a fatal error with display_errors on; Bitrix still answers HTTP 200."""

TIME_LIMIT = (
    "<br />\n<b>Fatal error</b>:  Maximum execution time of 30 seconds exceeded in "
    "<b>/home/bitrix/www/bitrix/modules/sale/general/export.php</b> on line <b>1187</b><br />\n"
)
"""PHP's max_execution_time ending a long export (php.ini's limit; see exchange.py)."""

NGINX_500 = (
    "<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n"
    "<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
"""The page nginx (the usual front of a Bitrix VM) serves when PHP-FPM fails."""

NGINX_404 = (
    "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
    "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)
