-- The admin's register of who writes for which nämnd, as the admin pages read it (rebuilt from NamndScopeSet).
CREATE TABLE namnd_scope_view (
    subject    VARCHAR(200) PRIMARY KEY,
    name       VARCHAR(200),
    namnder    TEXT[]       NOT NULL,
    set_at     TIMESTAMPTZ  NOT NULL,
    set_by     VARCHAR(200)
);
