package io.stsgate.api.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stsgate.engine.ErrorCode;
import io.stsgate.engine.StsException;

class QueryParametersTest {

    @Test
    void parseWhenQueryAndFormThenBothAreMergedAndDecoded() {
        var params = QueryParameters.parse("Action=AssumeRole", "Version=2011-06-15&RoleSessionName=a%2Bb&Empty=");
        assertThat(params.value("Action")).isEqualTo("AssumeRole");
        assertThat(params.value("RoleSessionName")).isEqualTo("a+b");
        assertThat(params.value("Empty")).isEmpty();
        assertThat(params.value("Missing")).isNull();
    }

    @Test
    void membersWhenNumberedThenInOrderOfN() {
        var params = QueryParameters.parse(null,
                "TransitiveTagKeys.member.2=b&TransitiveTagKeys.member.1=a&TransitiveTagKeys.member.3=c");
        assertThat(params.members("TransitiveTagKeys")).containsExactly("a", "b", "c");
    }

    @Test
    void memberStructuresWhenTagsThenKeyAndValuePerMember() {
        var params = QueryParameters.parse(null, "Tags.member.1.Key=team&Tags.member.1.Value=ops"
                + "&Tags.member.2.Key=project&Tags.member.2.Value=&PolicyArns.member.1.arn=arn:x");
        assertThat(params.memberStructures("Tags", List.of("Key", "Value"))).containsExactly(
                Map.of("Key", "team", "Value", "ops"), Map.of("Key", "project", "Value", ""));
        assertThat(params.memberStructures("PolicyArns", List.of("arn"))).containsExactly(Map.of("arn", "arn:x"));
    }

    @Test
    void membersWhenEmptyListIsSentAsNameEqualsThenEmpty() {
        var params = QueryParameters.parse(null, "Tags=&PolicyArns=");
        assertThat(params.memberStructures("Tags", List.of("Key", "Value"))).isEmpty();
        assertThat(params.members("TransitiveTagKeys")).isEmpty();
    }

    @Test
    void membersWhenIndexIsNotANumberThenInvalidParameterValue() {
        var params = QueryParameters.parse(null, "TransitiveTagKeys.member.x=a");
        assertThatThrownBy(() -> params.members("TransitiveTagKeys")).isInstanceOfSatisfying(StsException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void membersWhenIndexStartsAtZeroThenInvalidParameterValue() {
        var params = QueryParameters.parse(null, "TransitiveTagKeys.member.0=a");
        assertThatThrownBy(() -> params.members("TransitiveTagKeys")).isInstanceOf(StsException.class);
    }

    @Test
    void parseWhenAParameterRepeatsThenInvalidParameterValue() {
        assertThatThrownBy(() -> QueryParameters.parse("Action=A", "Action=B"))
                .isInstanceOfSatisfying(StsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PARAMETER_VALUE));
    }

    @Test
    void parseWhenPercentEncodingIsBrokenThenInvalidParameterValue() {
        assertThatThrownBy(() -> QueryParameters.parse(null, "Action=%zz")).isInstanceOf(StsException.class);
    }
}
