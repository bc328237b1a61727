package io.shebao.services;

import io.shebao.ShebaoRules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 社会保险公共服务事项: the 120 items of 武人社发〔2017〕58号 (123 guide tables) as data, and the check a counter
 * officer makes: may this person or unit do this, what is missing, what must they bring, by when.
 *
 * <pre>{@code
 * Services s = ShebaoRules.load().services();
 * ServiceCheck c = s.check("SBZX00015", Map.of("laid_off", "19", "staff", "180"), LocalDate.of(2026, 3, 2));
 * c.outcome();   // TO_VERIFY: the layoff size is met, the filing with the labour bureau is not stated
 * }</pre>
 */
public final class Services {
    private final ServiceCatalogue catalogue;
    private final ServiceChecker checker;

    public Services(ShebaoRules rules) {
        this.catalogue = ServiceCatalogue.bundled();
        this.checker = new ServiceChecker(catalogue, rules);
    }

    /** The item of a code (any printed form). */
    public ServiceItem item(String code) {
        return catalogue.item(code);
    }

    public List<ServiceItem> list(ServiceFilter filter) {
        return catalogue.list(Objects.requireNonNull(filter, "filter"));
    }

    /** How the item is checked and the facts it reads. */
    public CheckSpec spec(String code) {
        return catalogue.check(code);
    }

    public List<String> categories() {
        return catalogue.categories();
    }

    /** Checks an application made today. */
    public ServiceCheck check(String code, Map<String, String> facts) {
        return check(code, facts, LocalDate.now());
    }

    /** Checks an application made on {@code appliedOn}; facts are snake_case names with text values. */
    public ServiceCheck check(String code, Map<String, String> facts, LocalDate appliedOn) {
        return checker.check(code, Objects.requireNonNull(facts, "facts"), Objects.requireNonNull(appliedOn, "appliedOn"));
    }
}
