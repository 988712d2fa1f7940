package com.netvizura.license.web.page;

import com.netvizura.license.model.LicenseDetails;
import com.netvizura.license.model.Usage;
import com.netvizura.license.model.Verdict;
import com.netvizura.license.service.LicenseService;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * What the License page shows of the license and of this server, in words and in the admin's date format: worked
 * out once a verdict and locale ({@link Cache}) rather than on every view, since it changes only with the verdict
 * (the License Details' "Generated" time is then at most the verdict's age, about a second, behind).
 *
 * @param summary           the license in words
 * @param timeline          the timeline, {@code null} without a license
 * @param installationCode  this server's Installation Code
 * @param detailsText       the License Details as text
 * @param mailtoLink        Send as a {@code mailto:} link with the same details
 * @param vendorEmail       where Send sends them
 * @param canSendFromServer whether Send can mail from the server
 * @param developmentBuild  whether this build trusts only the development key
 * @param detailsQr         the same details as a QR code of the mailto link, for a phone to scan
 */
public record LicensePageContent(LicenseSummary summary, LicenseTimeline timeline, String installationCode, String detailsText,
        String mailtoLink, String vendorEmail, boolean canSendFromServer, boolean developmentBuild,
        DetailsQr detailsQr) {

    static LicensePageContent of(LicenseService service, Verdict verdict, Locale locale) {
        ZoneId zone = service.zone();
        LicenseDetails details = service.details();
        return new LicensePageContent(LicenseSummary.of(verdict, zone, locale),
                LicenseTimeline.of(verdict, service.today(), zone, LicenseSummary.dateFormat(locale), locale)
                        .orElse(null),
                service.installationCode().value(), details.toText(), service.mailtoLink(details),
                service.settings().vendorEmail(), service.canSendFromServer(), service.developmentBuild(),
                DetailsQr.of(service.detailsQr(details)));
    }

    /**
     * The content of the service's current verdict, kept until the verdict or the usage changes (one an application):
     * the License Details carry the usage lines, so the page's copy must agree with the download.
     */
    static final class Cache {

        private volatile PerVerdict<LicensePageContent> kept = new PerVerdict<>();
        private volatile Map<String, Usage> usageSeen = Map.of();

        LicensePageContent of(LicenseService service, Locale locale) {
            Verdict verdict = service.verdict();
            Map<String, Usage> usage = service.usage();
            if (usage != usageSeen) {
                kept = new PerVerdict<>();
                usageSeen = usage;
            }
            return kept.get(verdict, locale, () -> LicensePageContent.of(service, verdict, locale));
        }
    }
}
