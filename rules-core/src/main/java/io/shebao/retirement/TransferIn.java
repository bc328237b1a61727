package io.shebao.retirement;

import java.util.List;

/** 基本养老保险关系转入 to this city (SBZX00041): allowed when any one ground holds. */
public record TransferIn(Outcome allowed, List<Condition> grounds, List<String> rules) {
    public TransferIn {
        grounds = List.copyOf(grounds);
        rules = List.copyOf(rules);
    }
}
