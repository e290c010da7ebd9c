package workbench.reports.model;

/** How a trial ended. Only VERIFIED trials enter statistics. */
public enum TrialStatus {
    /** the receiver's RAM digest equalled the sender's */
    VERIFIED,
    /** no receiver could check it (the null network): shown, labelled, never mixed into verified comparisons */
    UNVERIFIED,
    /** the transfer broke or the digests differed: reported, never averaged */
    FAILED
}
