package org.mempred.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static Verdict.Candidate policy(String name, boolean forecasts, double[] oom, double[] kib) {
        double[] bytes = new double[kib.length];
        for (int i = 0; i < kib.length; i++) {
            bytes[i] = kib[i] * 1024.0;
        }
        return new Verdict.Candidate(name, forecasts, name.equals("oracle"), oom, bytes);
    }

    private static final Verdict.Candidate REACTIVE =
            policy("reactive", false, new double[] {9, 10, 9, 11, 10}, new double[] {2, 2, 3, 2, 2});
    private static final Verdict.Candidate RESERVE =
            policy("reserve", false, new double[] {5, 6, 5, 7, 6}, new double[] {20, 22, 21, 20, 23});

    @Test
    void aForecasterWithClearlyFewerOomEventsIsTheChoiceAndBeatsReserve() {
        Verdict.Candidate neural =
                policy("neural", true, new double[] {1, 1, 2, 1, 1}, new double[] {40, 41, 39, 42, 40});
        Verdict verdict = Verdict.of(List.of(REACTIVE, RESERVE, neural), 5);
        assertThat(verdict.choice()).isEqualTo("neural");
        assertThat(verdict.tiedOnOom()).isEmpty();
        assertThat(verdict.forecastsBeatingReserve()).containsExactly("neural");
        assertThat(verdict.text())
                .isEqualTo("verdict: use neural for this program: significantly fewer OOM events than every other"
                        + " policy, 1.2 OOM events and 40.4 KiB moved per run (vs reactive: -8.6 OOM events, +38.2 KiB"
                        + " moved); neural significantly beats reserve (no forecast): -4.6 OOM events, +19.2 KiB"
                        + " moved.");
    }

    @Test
    void aTieOnOomEventsGoesToTheOneThatCopiesLessAndNoForecastBeatsReserve() {
        Verdict.Candidate neural =
                policy("neural", true, new double[] {5, 6, 6, 6, 6}, new double[] {30, 31, 30, 32, 33});
        Verdict verdict = Verdict.of(List.of(REACTIVE, RESERVE, neural), 5);
        assertThat(verdict.choice()).isEqualTo("reserve");
        assertThat(verdict.tiedOnOom()).containsExactly("neural");
        assertThat(verdict.forecastsBeatingReserve()).isEmpty();
        assertThat(verdict.text())
                .startsWith("verdict: use reserve for this program: tied on OOM events with neural (the CIs of the"
                        + " paired differences contain 0), and the least copying of them: 5.8 OOM events and 21.2 KiB"
                        + " moved per run")
                .endsWith("; no forecasting policy significantly beats reserve (no forecast).");
    }

    @Test
    void aForecasterTiedOnOomEventsThatCopiesSignificantlyLessBeatsReserve() {
        Verdict.Candidate holt = policy("holt", true, new double[] {5, 6, 6, 6, 6}, new double[] {10, 11, 10, 12, 11});
        Verdict verdict = Verdict.of(List.of(REACTIVE, RESERVE, holt), 5);
        assertThat(verdict.choice()).isEqualTo("holt");
        assertThat(verdict.tiedOnOom()).containsExactly("reserve");
        assertThat(verdict.forecastsBeatingReserve()).containsExactly("holt");
    }

    @Test
    void noForecasterBeatsReserveWhenTheyAllDoWorseAndTheOracleIsNeverTheChoice() {
        Verdict.Candidate holt = policy("holt", true, new double[] {8, 9, 8, 9, 9}, new double[] {5, 5, 6, 5, 5});
        Verdict.Candidate oracle = policy("oracle", true, new double[] {0, 0, 0, 0, 0}, new double[] {1, 1, 1, 1, 1});
        Verdict verdict = Verdict.of(List.of(REACTIVE, RESERVE, holt, oracle), 5);
        assertThat(verdict.choice()).isEqualTo("reserve");
        assertThat(verdict.forecastsBeatingReserve()).isEmpty();
        assertThat(verdict.text())
                .contains("(vs reactive: -4.0 OOM events, +19.0 KiB moved)")
                .endsWith("no forecasting policy significantly beats reserve (no forecast).");
    }

    @Test
    void withoutReserveTheVerdictSaysToRunIt() {
        Verdict.Candidate neural =
                policy("neural", true, new double[] {5, 6, 5, 7, 6}, new double[] {20, 22, 21, 20, 23});
        assertThat(Verdict.of(List.of(REACTIVE, neural), 5).text())
                .contains("reserve (the same reserve with no forecast) was not run: add it to --policies");
    }

    @Test
    void oneSeedGivesNoVerdict() {
        Verdict verdict = Verdict.of(
                List.of(
                        policy("reactive", false, new double[] {3}, new double[] {1}),
                        policy("reserve", false, new double[] {1}, new double[] {2})),
                1);
        assertThat(verdict.choice()).isNull();
        assertThat(verdict.text())
                .isEqualTo("verdict: none with one seed (no confidence interval); run --seeds 2 or more");
    }
}
