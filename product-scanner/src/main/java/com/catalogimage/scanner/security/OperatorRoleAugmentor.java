package com.catalogimage.scanner.security;

import com.catalogimage.scanner.config.ScannerConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Makes a caller an {@code operator} when its token carries one of the configured roles or groups
 * ({@code scan.oidc.operator-roles}), so an identity provider's own names (an Entra ID app role, a group) can be used
 * unchanged. API-key callers are operators already.
 */
@ApplicationScoped
public class OperatorRoleAugmentor implements SecurityIdentityAugmentor {

    private final List<String> operatorRoles;

    public OperatorRoleAugmentor(ScannerConfig config) {
        this.operatorRoles = config.oidc().operatorRoles();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.hasRole(ApiKeyIdentityProvider.OPERATOR)
                || operatorRoles.stream().noneMatch(identity::hasRole)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRole(ApiKeyIdentityProvider.OPERATOR).build());
    }
}
