package com.netvizura.license.web.page;

import com.netvizura.license.model.Messages;
import com.netvizura.license.model.Usage;
import com.netvizura.license.model.UsageDay;
import com.netvizura.license.service.LicenseService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Usage part of the License page ({@code /WEB-INF/netvizura-license/usage.xhtml}, DESIGN.md section 11): per
 * name "87 of 100 devices in use (87 %)" with a bar whose colour rises at {@code usageNoticePercent} and at 100 %,
 * the 30-day peak, and the chart of the last 90 days' peaks ({@link UsageChart}). Made once a request from the
 * service's usage snapshot (no file read).
 */
@Named("nvUsage")
@RequestScoped
public class UsageSection {

    /**
     * One name as the page shows it.
     *
     * @param name     the usage name, also part of the element ids
     * @param sentence "87 of 100 devices in use (87 %)", or "12 probes in use (not limited)"
     * @param percent  the bar's fill, 0 to 100 (0 when not limited)
     * @param level    CSS suffix: {@code ok}, {@code notice} (from usageNoticePercent), {@code over} (over the limit),
     *                 {@code free} (not limited)
     * @param peak     the 30-day peak in words
     * @param over     "Over the limit since ...", or null
     * @param chart    the chart as SVG markup
     */
    public record Row(String name, String sentence, long percent, String level, String peak, String over,
            String chart) {

        /** Whether the key limits this name (the page calls record accessors as methods: EL 5 has no records). */
        public boolean limited() {
            return !"free".equals(level);
        }
    }

    @Inject
    LicenseService service;

    private final List<Row> rows = new ArrayList<>();

    @PostConstruct
    void init() {
        Locale locale = PageText.locale();
        int notice = service.settings().usageNoticePercent();
        DateTimeFormatter dates = LicenseSummary.dateFormat(locale);
        List<UsageDay> days = service.usageDays();
        for (Usage u : service.usage().values()) {
            String sentence;
            long percent;
            String level;
            if (u.limited()) {
                long share = u.percent().getAsLong();
                sentence = Messages.get(locale, "web.usage.limited", u.inUse(), u.limit().getAsLong(), u.name(), share);
                percent = Math.min(100, share);
                level = u.over() ? "over" : u.atNotice(notice) ? "notice" : "ok";
            } else {
                sentence = Messages.get(locale, "web.usage.notLimited", u.inUse(), u.name());
                percent = 0;
                level = "free";
            }
            String over = u.overSince().map(day -> Messages.get(locale, "web.usage.overSince", dates.format(day)))
                    .orElse(null);
            rows.add(new Row(u.name(), sentence, percent, level, Messages.get(locale, "web.usage.peak30d",
                    u.peak30d()), over, UsageChart.svg(u.name(), days, u.limit(), service.today(), locale)));
        }
    }

    /** The names in use, in name order; empty when nothing was reported. */
    public List<Row> getRows() {
        return rows;
    }
}
