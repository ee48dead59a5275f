// Which edition of the site this is: the day it was last updated (the commit date, scripts/source-date.ts) and, when
// the build is told (SITE_URL), the site's public address, for "How to cite" on /methods.
import {lastUpdated} from "../../scripts/source-date.ts";
import {siteUrl} from "../../scripts/site-url.ts";

process.stdout.write(JSON.stringify({updated: lastUpdated(), siteUrl: siteUrl()}));
