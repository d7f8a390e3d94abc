"""The pages IIS itself answers with, in front of the 1C publication.

- A query string longer than `maxQueryString` (2048 bytes by default, counted as sent,
  percent-encoding included) is refused by IIS request filtering before 1C sees it, with
  status 404 (sub-status 15) and IIS's HTML page for remote clients — GUIDE §5: "behind IIS
  a query string over 2048 bytes fails with an HTML 404: split long `or` lists". The same
  page answers a path outside the publication.
- A stopped application pool makes HTTP.sys answer 503 with its own short page.
"""

from __future__ import annotations

MAX_QUERY_STRING = 2048

NOT_FOUND = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" \
"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
<style type="text/css">
<!--
body{margin:0;font-size:.7em;font-family:Verdana, Arial, Helvetica, sans-serif;background:#EEEEEE;}
fieldset{padding:0 15px 10px 15px;}
h1{font-size:2.4em;margin:0;color:#FFF;}
h2{font-size:1.7em;margin:0;color:#CC0000;}
h3{font-size:1.2em;margin:10px 0 0 0;color:#000000;}
#header{width:96%;margin:0 0 0 0;padding:6px 2% 6px 2%;font-family:"trebuchet MS", Verdana, \
sans-serif;color:#FFF;background-color:#555555;}
#content{margin:0 0 0 2%;position:relative;}
.content-container{background:#FFF;width:96%;margin-top:8px;padding:10px;position:relative;}
-->
</style>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>404 - File or directory not found.</h2>
  <h3>The resource you are looking for might have been removed, had its name changed, or is \
temporarily unavailable.</h3>
 </fieldset></div>
</div>
</body>
</html>
"""

SERVICE_UNAVAILABLE = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN"\
"http://www.w3.org/TR/html4/strict.dtd">
<HTML><HEAD><TITLE>Service Unavailable</TITLE>
<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>
<BODY><h2>Service Unavailable</h2>
<hr><p>HTTP Error 503. The service is unavailable.</p>
</BODY></HTML>
"""
