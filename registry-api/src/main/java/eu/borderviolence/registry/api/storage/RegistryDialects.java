package eu.borderviolence.registry.api.storage;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

/**
 * Picks Hibernate's dialect for the registry's database (property {@code hibernate.dialect_resolvers}): on H2, one
 * that maps Axon's {@code @Lob byte[]} columns (event payloads and metadata, tokens, sagas, dead letters) to
 * {@code VARBINARY}, the type migration V12 gave them, instead of H2's large objects, whose bookkeeping filled the
 * heap at a million events (docs/benchmarks.md). PostgreSQL keeps Hibernate's own dialect, which already maps them to
 * {@code bytea}.
 */
public class RegistryDialects implements DialectResolver {

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        return "H2".equals(info.getDatabaseName()) ? new H2WithBinaryLobs(info) : null;
    }

    /** H2, with {@code @Lob byte[]} read and written as {@code VARBINARY}. */
    public static class H2WithBinaryLobs extends H2Dialect {

        public H2WithBinaryLobs(DialectResolutionInfo info) {
            super(info);
        }

        @Override
        public void contributeTypes(TypeContributions contributions, ServiceRegistry services) {
            super.contributeTypes(contributions, services);
            contributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(SqlTypes.BLOB, VarbinaryJdbcType.INSTANCE);
        }
    }
}
