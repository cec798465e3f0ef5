package se.uppfoljningsliggaren.query.ik;

import se.uppfoljningsliggaren.kernel.ik.IkCommands;
import se.uppfoljningsliggaren.kernel.ik.IkValues.AtgardStatus;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IkOverviewRow;
import se.uppfoljningsliggaren.kernel.ik.IkViews.IskSamlad;
import se.uppfoljningsliggaren.kernel.ik.IkViews.OpenAtgard;
import se.uppfoljningsliggaren.kernel.ik.IkViews.StatusCounts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The internal-control overview's rows computed from the documents of one moment. Pure: the overview projection
 * computes each row when one of its documents changes, with the merge the IK-plan view uses.
 */
public final class IkOverviews {

    private IkOverviews() {
    }

    /** The overview reports the åtgärder's status per the year's last day. */
    public static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 12, 31);
    }

    /**
     * @param plan   the nämnd's IK-plan of the year, null while it has none
     * @param region the year's regionövergripande rows, null while there are none
     * @param isk    the nämnd's ISK-bedömning of the year, null while none is recorded
     */
    public static IkOverviewRow row(String namnd, String namndName, int year, IkPlanDocument plan,
                                    IkPlanDocument region, IskDocument isk) {
        String ikPlanId = IkCommands.ikPlanId(namnd, year);
        Optional<IkQueryHandler.Merged> merged = Optional.ofNullable(plan)
                .map(p -> IkQueryHandler.merge(p, region));
        List<OpenAtgard> all = merged.map(m -> m.items().map(item -> new OpenAtgard(item.atgardId(),
                item.regionovergripande(), item.content().text(), m.statusPer(item, yearEnd(year)))).toList())
                .orElse(List.of());
        return new IkOverviewRow(namnd, namndName, merged.isPresent() ? ikPlanId : null,
                merged.map(m -> m.plan().adoptedBy != null).orElse(false),
                StatusCounts.of(all.stream().map(OpenAtgard::status).toList()),
                all.stream().filter(a -> a.status() == AtgardStatus.EJ_GENOMFORD).toList(),
                all.stream().filter(a -> a.status().open()).toList(),
                isk != null, isk == null ? null : isk.current().tillracklig(), isk != null && isk.adoptedBy != null,
                merged.isPresent() ? "/api/ik-plans/" + ikPlanId : null,
                "/api/isk-bedomningar/" + namnd + "/" + year);
    }

    /** @param isk regionstyrelsen's samlad bedömning of the year, null while none is recorded */
    public static IskSamlad samlad(int year, IskDocument isk) {
        return new IskSamlad(isk != null, isk == null ? null : isk.current().tillracklig(),
                isk != null && isk.adoptedBy != null, "/api/isk-bedomningar/region/" + year);
    }
}
