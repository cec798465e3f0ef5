package se.uppfoljningsliggaren.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Hamcrest matcher for a {@link CommandRejectedException} of a given kind naming a given field. */
public final class Rejected {

    private Rejected() {
    }

    public static Matcher<CommandRejectedException> rejected(CommandRejectedException.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException e) {
                return e.kind() == kind && field.equals(e.field());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("CommandRejectedException ").appendValue(kind).appendText(" on field ")
                        .appendValue(field);
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException e, Description mismatch) {
                mismatch.appendText("was ").appendValue(e.kind()).appendText(" on field ").appendValue(e.field())
                        .appendText(": ").appendText(String.valueOf(e.getMessage()));
            }
        };
    }

    public static Matcher<CommandRejectedException> invalid(String field) {
        return rejected(CommandRejectedException.Kind.INVALID, field);
    }

    public static Matcher<CommandRejectedException> conflict(String field) {
        return rejected(CommandRejectedException.Kind.CONFLICT, field);
    }

    public static Matcher<CommandRejectedException> unknown(String field) {
        return rejected(CommandRejectedException.Kind.UNKNOWN_REFERENCE, field);
    }
}
