package io.casedesk.odoostandin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Realistic data in bulk, the same for the same seed: partners (Taiwanese and English names, some companies, most
 * with an email and phone, many with a LINE user id, a few archived), tasks spread over seven projects and seven
 * stages (two folded), assigned to a dozen lawyers, with deadlines and next activities, created over two years
 * and changed since, a few archived; open, partly paid and paid invoices for about a quarter of the tasks.
 */
public final class DataGenerator {

    public record Summary(int partners, int tasks, int invoices, List<Long> partnerIds, List<Long> taskIds) {
    }

    public static final List<String> STAGES = List.of("New", "Intake", "In Progress", "Waiting for Client",
            "Waiting for Court", "Done", "Cancelled");
    private static final List<String> PROJECTS = List.of("Family Law", "Civil Litigation", "Corporate",
            "Employment", "Inheritance", "Criminal Defence", "Intellectual Property");
    private static final String[] PROJECT_CODES = {"FAM", "CIV", "COR", "EMP", "INH", "CRI", "IPR"};
    private static final String[] SURNAMES = {"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭"};
    private static final String[] GIVEN = {"志明", "淑芬", "美玲", "建宏", "怡君", "家豪", "雅婷", "俊傑", "宜蓁", "承翰"};
    private static final String[] ENGLISH_FIRST = {"Anna", "David", "Priya", "Lukas", "Emily", "Kenji", "Sofia", "Omar"};
    private static final String[] ENGLISH_LAST = {"Keller", "Raman", "Smith", "Tanaka", "Novak", "Haddad", "Brown"};
    private static final String[] ACTIVITIES = {"Court hearing", "Call the client about missing documents",
            "File the written statement", "Mediation session", "Send the draft agreement for review",
            "開庭", "補件期限", "調解期日", "與客戶確認委任事項"};

    private final RecordStore store;
    private final Random random;
    private final LocalDateTime now;

    private DataGenerator(RecordStore store, long seed, LocalDateTime now) {
        this.store = store;
        this.random = new Random(seed);
        this.now = now;
    }

    /** Adds {@code partners} partners and {@code tasks} tasks (with invoices) to the store. */
    public static Summary generate(RecordStore store, int partners, int tasks, long seed) {
        return new DataGenerator(store, seed, LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(5))
                .run(partners, tasks);
    }

    private Summary run(int partnerCount, int taskCount) {
        LocalDateTime setup = now.minusYears(3);
        List<Long> stages = new ArrayList<>();
        for (int i = 0; i < STAGES.size(); i++) {
            String name = STAGES.get(i);
            stages.add(store.insert("project.task.type", Map.of("name", name, "sequence", i + 1,
                    "fold", name.equals("Done") || name.equals("Cancelled")), setup));
        }
        List<Long> projects = new ArrayList<>();
        PROJECTS.forEach(p -> projects.add(store.insert("project.project", Map.of("name", p), setup)));
        List<Long> lawyers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            lawyers.add(store.insert("res.users", Map.of("name", SURNAMES[i] + "律師", "login", "lawyer" + i), setup));
        }
        long twd = store.insert("res.currency", Map.of("name", "TWD", "symbol", "NT$"), setup);

        List<Long> partnerIds = new ArrayList<>(partnerCount);
        for (int i = 0; i < partnerCount; i++) {
            partnerIds.add(partner(i));
        }
        List<Long> taskIds = new ArrayList<>(taskCount);
        int invoices = 0;
        Map<Long, Integer> perPartner = new HashMap<>();
        for (int i = 0; i < taskCount; i++) {
            long partner = partnerIds.get(i < partnerCount ? i : random.nextInt(partnerCount));
            int project = random.nextInt(projects.size());
            LocalDateTime created = now.minusDays(1 + random.nextInt(730)).minusMinutes(random.nextInt(1440));
            String number = (created.getYear()) + "-" + PROJECT_CODES[project] + "-" + String.format("%05d", i + 1);
            int stage = weightedStage();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("name", taskTitle(project, perPartner.merge(partner, 1, Integer::sum)));
            values.put("x_case_number", number);
            values.put("partner_id", partner);
            values.put("project_id", projects.get(project));
            values.put("stage_id", stages.get(stage));
            values.put("user_ids", List.of(lawyers.get(random.nextInt(lawyers.size()))));
            values.put("priority", random.nextInt(10) == 0 ? "1" : "0");
            if (stage < 5) {
                LocalDate next = now.toLocalDate().plusDays(random.nextInt(90) - 10);
                values.put("date_deadline", next.plusDays(30).toString());
                values.put("activity_date_deadline", next.toString());
                values.put("activity_summary", ACTIVITIES[random.nextInt(ACTIVITIES.length)]);
            }
            long task = store.insert("project.task", values, created);
            if (random.nextInt(50) == 0) {
                store.write("project.task", List.of(task), Map.of("active", false));
            }
            store.touch("project.task", task, changedSince(created));
            taskIds.add(task);
            if (random.nextInt(4) == 0) {
                invoices++;
                double total = 5000 + 1000 * random.nextInt(60);
                int paid = random.nextInt(3);
                store.insert("account.move", Map.of("name", "INV/" + created.getYear() + "/" + String.format("%05d", invoices),
                        "move_type", "out_invoice", "state", "posted",
                        "payment_state", paid == 0 ? "paid" : paid == 1 ? "partial" : "not_paid",
                        "amount_total", total, "amount_residual", paid == 0 ? 0.0 : paid == 1 ? total / 2 : total,
                        "partner_id", partner, "currency_id", twd, "invoice_origin", number,
                        "invoice_date", created.toLocalDate().toString()), changedSince(created));
            }
        }
        return new Summary(partnerCount, taskCount, invoices, partnerIds, taskIds);
    }

    private long partner(int index) {
        boolean english = random.nextInt(5) == 0;
        boolean company = random.nextInt(12) == 0;
        String name = company ? (english ? ENGLISH_LAST[random.nextInt(ENGLISH_LAST.length)] + " Trading Ltd."
                : SURNAMES[random.nextInt(SURNAMES.length)] + "氏實業股份有限公司")
                : english ? ENGLISH_FIRST[random.nextInt(ENGLISH_FIRST.length)] + " "
                        + ENGLISH_LAST[random.nextInt(ENGLISH_LAST.length)]
                        : SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("ref", String.format("P-%06d", index + 1));
        values.put("is_company", company);
        values.put("customer_rank", 1);
        values.put("lang", english ? "en_US" : random.nextInt(10) == 0 ? "zh_CN" : "zh_TW");
        if (random.nextInt(10) > 0) {
            values.put("email", "client" + (index + 1) + "@example.com");
        }
        if (random.nextInt(10) > 1) {
            values.put("phone", String.format("+886-9%02d-%03d-%03d", random.nextInt(100), random.nextInt(1000),
                    random.nextInt(1000)));
        }
        if (random.nextInt(10) < 6) {
            values.put("x_line_user_id", String.format("U%032x", (long) index * 7919L + 1_000_003L));
        }
        LocalDateTime created = now.minusDays(30 + random.nextInt(1000));
        long id = store.insert("res.partner", values, created);
        if (random.nextInt(33) == 0) {
            store.write("res.partner", List.of(id), Map.of("active", false));
        }
        store.touch("res.partner", id, changedSince(created));
        return id;
    }

    private int weightedStage() {
        int roll = random.nextInt(100);
        return roll < 5 ? 0 : roll < 15 ? 1 : roll < 50 ? 2 : roll < 62 ? 3 : roll < 75 ? 4 : roll < 95 ? 5 : 6;
    }

    private String taskTitle(int project, int nth) {
        String[] titles = {"離婚訴訟", "損害賠償訴訟", "公司設立登記", "資遣費爭議", "遺產分割", "刑事辯護", "商標申請"};
        return titles[project] + (nth > 1 ? "（" + nth + "）" : "");
    }

    /** A last change between creation and a few minutes ago, most of them long ago. */
    private LocalDateTime changedSince(LocalDateTime created) {
        long minutes = java.time.Duration.between(created, now).toMinutes();
        return created.plusMinutes(minutes <= 1 ? 0 : (long) (minutes * random.nextDouble()));
    }
}
