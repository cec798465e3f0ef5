package se.uppfoljningsliggaren.command;

import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import se.uppfoljningsliggaren.command.access.Behorighet;
import se.uppfoljningsliggaren.command.access.ScopeRegister;
import se.uppfoljningsliggaren.kernel.access.AccessCommands;
import org.springframework.stereotype.Component;
import se.uppfoljningsliggaren.command.followup.Occasion;
import se.uppfoljningsliggaren.command.followup.OccasionLookup;
import se.uppfoljningsliggaren.command.ik.IkPlanLookup;
import se.uppfoljningsliggaren.command.ik.Internkontrollplan;
import se.uppfoljningsliggaren.command.plan.Plan;
import se.uppfoljningsliggaren.command.plan.PlanLookup;
import se.uppfoljningsliggaren.command.source.SourceDocument;
import se.uppfoljningsliggaren.command.source.SourceDocumentLookup;
import se.uppfoljningsliggaren.kernel.source.SourceCommands;

import java.util.Collections;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.Callable;

/** The lookups other aggregates' rules use, answered from the event-sourced aggregates themselves. */
@Component
class RepositoryLookups implements PlanLookup, OccasionLookup, IkPlanLookup, ScopeRegister, SourceDocumentLookup {

    private final Repository<Plan> plans;
    private final Repository<Occasion> occasions;
    private final Repository<Internkontrollplan> ikPlans;
    private final Repository<Behorighet> behorigheter;
    private final Repository<SourceDocument> sourceDocuments;

    RepositoryLookups(Repository<Plan> plans, Repository<Occasion> occasions, Repository<Internkontrollplan> ikPlans,
                      Repository<Behorighet> behorigheter, Repository<SourceDocument> sourceDocuments) {
        this.plans = plans;
        this.occasions = occasions;
        this.ikPlans = ikPlans;
        this.behorigheter = behorigheter;
        this.sourceDocuments = sourceDocuments;
    }

    /** Asked before a write is sent, so outside any unit of work: the read gets one of its own. */
    @Override
    public SortedSet<String> grantedTo(String subject) {
        return beforeWrite("the scope register", () -> Aggregates.read(behorigheter,
                AccessCommands.behorighetId(subject), Behorighet::namnder).orElse(Collections.emptySortedSet()));
    }

    /** Asked before a write is sent, like the scope register. */
    @Override
    public boolean registered(String documentId) {
        return beforeWrite("the source documents", () -> Aggregates.read(sourceDocuments,
                SourceCommands.aggregateId(documentId), document -> true).isPresent());
    }

    /** A read in the current unit of work, or in one of its own outside any. */
    private static <T> T beforeWrite(String what, Callable<T> read) {
        if (CurrentUnitOfWork.isStarted()) {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(what + " could not be read", e);
            }
        }
        ResultMessage<T> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(read);
        if (result.isExceptional()) {
            throw new IllegalStateException(what + " could not be read", result.exceptionResult());
        }
        return result.getPayload();
    }

    @Override
    public Optional<Plan.PlanItems> plan(String planId) {
        return Aggregates.read(plans, planId, Plan::items);
    }

    @Override
    public Optional<Occasion.OccasionFacts> occasion(String occasionId) {
        return Aggregates.read(occasions, occasionId, Occasion::facts);
    }

    @Override
    public Optional<Internkontrollplan.IkPlanItems> ikPlan(String ikPlanId) {
        return Aggregates.read(ikPlans, ikPlanId, Internkontrollplan::items);
    }
}
