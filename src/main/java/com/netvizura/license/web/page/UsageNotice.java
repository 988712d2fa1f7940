package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Usage;
import com.netvizura.license.service.LicenseService;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The license notice for usage (DESIGN.md sections 9 and 11): from {@code usageNoticePercent} of a limit "95 of 100
 * devices in use", over it "103 of 100 devices in use since <date>: the renewal must cover them". Of several names
 * the one with the highest share speaks. Dismissable until the next threshold: the key names the name, the limit and
 * the threshold (notice share or over), so a dismissed 95 % comes back at 101 %, or with a new limit.
 *
 * <p>Worded once per usage snapshot (the service makes a new one at most once a second) and locale.
 */
final class UsageNotice {

    private record Entry(Map<String, Usage> usage, Locale locale, Optional<LicenseNotice> notice) {
    }

    private final AtomicReference<Entry> last = new AtomicReference<>();

    Optional<LicenseNotice> now(LicenseService service, Locale locale) {
        Map<String, Usage> usage = service.usage();
        Entry seen = last.get();
        if (seen != null && seen.usage() == usage && seen.locale().equals(locale)) {
            return seen.notice();
        }
        Optional<LicenseNotice> notice = of(usage, service.settings().usageNoticePercent(), locale);
        last.set(new Entry(usage, locale, notice));
        return notice;
    }

    static Optional<LicenseNotice> of(Map<String, Usage> usage, int noticePercent, Locale locale) {
        Optional<Usage> most = usage.values().stream().filter(u -> u.atNotice(noticePercent) || u.over())
                .max(Comparator.comparingLong((Usage u) -> u.over() ? 1 : 0)
                        .thenComparingLong(u -> u.percent().orElse(0)));
        if (most.isEmpty()) {
            return Optional.empty();
        }
        Usage u = most.get();
        long limit = u.limit().getAsLong();
        String key = "usage-" + u.name().replace('_', '-') + "-" + limit + "-" + (u.over() ? "over" : "notice");
        if (u.over()) {
            DateTimeFormatter dates = LicenseSummary.dateFormat(locale);
            String since = dates.format(u.overSince().orElseThrow());
            return Optional.of(new LicenseNotice(LicenseNotice.Kind.USAGE_LIMIT, "1",
                    Messages.get(locale, "web.notice.usageOver", u.inUse(), limit, u.name(), since),
                    Messages.get(locale, "web.notice.usageOver.after"), Optional.of(key)));
        }
        return Optional.of(new LicenseNotice(LicenseNotice.Kind.USAGE_LIMIT, "14",
                Messages.get(locale, "web.notice.usageNear", u.inUse(), limit, u.name()),
                Messages.get(locale, "web.notice.usageNear.after"), Optional.of(key)));
    }
}
