package io.stsgate.api.admin;

/** Page sizes of the admin API's list endpoints. */
final class PageSize {

    private PageSize() {
    }

    /** {@code maxItems}, or the default; outside 1..max it is refused, naming the parameter. */
    static int of(Integer maxItems, int defaultSize, int max) {
        if (maxItems == null) {
            return defaultSize;
        }
        if (maxItems < 1 || maxItems > max) {
            throw AdminProblem.invalid("maxItems", "maxItems must be between 1 and " + max);
        }
        return maxItems;
    }
}
