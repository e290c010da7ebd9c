package workbench.harness.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import workbench.workloads.page.Content;
import workbench.workloads.page.DupPolicy;
import workbench.workloads.page.Layout;

/**
 * Completion candidates of the enum options as they are typed and documented, lower case
 * (picocli would offer the constants' upper-case names). One small subclass per enum, as the
 * annotation takes a class.
 */
abstract class EnumNames implements Iterable<String> {
    private final Class<? extends Enum<?>> type;

    EnumNames(Class<? extends Enum<?>> type) {
        this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).iterator();
    }

    static final class DupPolicies extends EnumNames {
        DupPolicies() {
            super(DupPolicy.class);
        }
    }

    static final class Layouts extends EnumNames {
        Layouts() {
            super(Layout.class);
        }
    }

    static final class Contents extends EnumNames {
        Contents() {
            super(Content.class);
        }
    }
}
