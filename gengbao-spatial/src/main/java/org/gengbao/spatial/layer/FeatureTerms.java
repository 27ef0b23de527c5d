package org.gengbao.spatial.layer;

import java.time.LocalDate;
import java.util.List;

/**
 * What a reference feature means for the analysis, read from its attributes by the {@link LayerSchema} of its kind.
 * Dated kinds say whether they are in force on a date.
 */
public sealed interface FeatureTerms {

    /** Whether the feature counts in an analysis as of {@code date}. Undated kinds are always in force. */
    default boolean inForceOn(LocalDate date) {
        return true;
    }

    /** A land-use parcel: DLBM, DLMC and the field-ridge deduction coefficient KCXS (0 ≤ KCXS < 1). */
    record LandUse(String code, String name, double deductionCoefficient) implements FeatureTerms {
        public boolean cultivated() {
            return LandUseClasses.isCultivated(code);
        }
    }

    /** A permanent basic farmland parcel. */
    record BasicFarmland(String parcelNumber) implements FeatureTerms {}

    /** A planning polygon with one or more zone codes (one per scheme present). */
    record Plan(List<PlanZone> zones) implements FeatureTerms {
        public Plan {
            zones = List.copyOf(zones);
        }
    }

    /** A conversion/expropriation approval (批准文号 PZWH, 批准日期 PZRQ): counts from its date on. */
    record Approval(String approvalNumber, LocalDate approvedOn) implements FeatureTerms {
        @Override
        public boolean inForceOn(LocalDate date) {
            return !approvedOn.isAfter(date);
        }
    }

    /** A land supply record (电子监管号 DZJGH, 供地日期 GDRQ, 供地方式 GDFS): counts from its date on. */
    record Supply(String supervisionNumber, LocalDate suppliedOn, String method) implements FeatureTerms {
        @Override
        public boolean inForceOn(LocalDate date) {
            return !suppliedOn.isAfter(date);
        }
    }

    /** A facility agricultural land filing (备案编号 BABH, 备案日期 BARQ): counts from its date on. */
    record Facility(String filingNumber, LocalDate filedOn) implements FeatureTerms {
        @Override
        public boolean inForceOn(LocalDate date) {
            return !filedOn.isAfter(date);
        }
    }

    /** A temporary land-use approval, valid from QSRQ to ZZRQ inclusive. */
    record Temporary(String approvalNumber, LocalDate validFrom, LocalDate validTo) implements FeatureTerms {
        @Override
        public boolean inForceOn(LocalDate date) {
            return !validFrom.isAfter(date) && !validTo.isBefore(date);
        }

        /** Whether the approval had started but ran out before {@code date}. */
        public boolean expiredBy(LocalDate date) {
            return validTo.isBefore(date);
        }
    }
}
