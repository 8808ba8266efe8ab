package io.stsgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stsgate.audit.ReasonCode;
import io.stsgate.directory.DirectoryFileLoader;
import io.stsgate.directory.DirectorySnapshot;
import io.stsgate.testsupport.Demo;

/** A session is refused once the role or user it was issued for is gone or has another unique id. */
class SessionPrincipalCheckTest {

    private DirectorySnapshot directory;
    private SessionPrincipalCheck check;

    @BeforeEach
    void setUp() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/directory.yaml")) {
            directory = DirectoryFileLoader.load("demo", in);
        }
        check = new SessionPrincipalCheck(directory);
    }

    private String developerId() {
        return directory.role(Demo.DEVELOPER_ROLE).orElseThrow().roleId();
    }

    private String aliceId() {
        return directory.user(Demo.ALICE_ARN).orElseThrow().userId();
    }

    private StsException refusal(SessionContext session) {
        Throwable thrown = catchThrowable(() -> check.requireCurrent(session));
        assertThat(thrown).isInstanceOf(StsException.class);
        var refused = (StsException) thrown;
        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CLIENT_TOKEN_ID);
        assertThat(refused.getMessage()).isEqualTo("The security token included in the request is invalid.");
        return refused;
    }

    @Test
    void aSessionOfTheRoleItWasIssuedForPasses() {
        var session = TestSessions.of(SessionKind.ASSUMED_ROLE, Demo.DEVELOPER_ROLE, developerId() + ":dev",
                developerId());

        assertThatCode(() -> check.requireCurrent(session)).doesNotThrowAnyException();
    }

    @Test
    void aRoleSessionIssuedForAnotherIdOfTheSameRoleIsRefused() {
        var session = TestSessions.of(SessionKind.ASSUMED_ROLE, Demo.DEVELOPER_ROLE, "AROAOLDOLDOLDOLDOLDOL:dev",
                "AROAOLDOLDOLDOLDOLDOL");

        StsException refused = refusal(session);

        assertThat(refused.reason()).isEqualTo(ReasonCode.SESSION_PRINCIPAL_REPLACED);
        assertThat(refused.detail()).contains("AROAOLDOLDOLDOLDOLDOL").contains(developerId());
    }

    @Test
    void aTokenFromBeforeIdsWereSealedIsJudgedByTheIdItsPrincipalIdCarries() {
        var current = TestSessions.of(SessionKind.ASSUMED_ROLE, Demo.DEVELOPER_ROLE, developerId() + ":dev", null);
        var old = TestSessions.of(SessionKind.ASSUMED_ROLE, Demo.DEVELOPER_ROLE, "AROAOLDOLDOLDOLDOLDOL:dev", null);

        assertThatCode(() -> check.requireCurrent(current)).doesNotThrowAnyException();
        assertThat(refusal(old).reason()).isEqualTo(ReasonCode.SESSION_PRINCIPAL_REPLACED);
    }

    @Test
    void aSessionOfADeletedRoleIsRefused() {
        var session = TestSessions.of(SessionKind.ASSUMED_ROLE, "arn:aws:iam::111111111111:role/gone",
                "AROAOLDOLDOLDOLDOLDOL:dev", "AROAOLDOLDOLDOLDOLDOL");

        assertThat(refusal(session).reason()).isEqualTo(ReasonCode.SESSION_PRINCIPAL_DELETED);
    }

    @Test
    void userAndFederatedUserSessionsAnswerForTheirUser() {
        var own = TestSessions.of(SessionKind.USER_SESSION, Demo.ALICE_ARN, aliceId(), aliceId());
        var replaced = TestSessions.of(SessionKind.FEDERATED_USER, Demo.ALICE_ARN, "111111111111:fed",
                "AIDAOLDOLDOLDOLDOLDOL");
        var deleted = TestSessions.of(SessionKind.USER_SESSION, "arn:aws:iam::111111111111:user/gone",
                "AIDAOLDOLDOLDOLDOLDOL", "AIDAOLDOLDOLDOLDOLDOL");

        assertThatCode(() -> check.requireCurrent(own)).doesNotThrowAnyException();
        assertThat(refusal(replaced).reason()).isEqualTo(ReasonCode.SESSION_PRINCIPAL_REPLACED);
        assertThat(refusal(deleted).reason()).isEqualTo(ReasonCode.SESSION_PRINCIPAL_DELETED);
    }

    @Test
    void anOldFederatedUserTokenWithoutAnIdNeedsItsUserToExist() {
        var existing = TestSessions.of(SessionKind.FEDERATED_USER, Demo.ALICE_ARN, "111111111111:fed", null);
        var gone = TestSessions.of(SessionKind.FEDERATED_USER, "arn:aws:iam::111111111111:user/gone",
                "111111111111:fed", null);

        assertThatCode(() -> check.requireCurrent(existing)).doesNotThrowAnyException();
        assertThat(refusal(gone).reason()).isEqualTo(ReasonCode.SESSION_PRINCIPAL_DELETED);
    }
}
