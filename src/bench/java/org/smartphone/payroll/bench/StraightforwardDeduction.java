package org.smartphone.payroll.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.smartphone.payroll.config.CapRatio;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.deduction.DeductionAllocator;
import org.smartphone.payroll.deduction.DueContract;
import org.smartphone.payroll.deduction.EmploymentStatus;
import org.smartphone.payroll.deduction.Instruction;
import org.smartphone.payroll.deduction.PayrollEntry;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.period.Period;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.builder.FlatFileItemReaderBuilder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The comparison point of the benchmark, not part of the engine: the deduction written the
 * straightforward Spring Batch way, a {@code FlatFileItemReader} over the register, a processor
 * doing one JDBC lookup of the matricule's open contracts per register row, a
 * {@code JdbcBatchItemWriter}, chunks of 1000. It applies the same money rules to the rows it
 * finds (it skips what the engine does besides: validation, duplicates, people absent from the
 * payroll, the ledger's exactly-once commit, the output files), writing its lines to a table of its
 * own that it drops at the end. Usage (scripts/bench runs it on its home once the engine is done):
 * {@code StraightforwardDeduction <jdbc-url> <register.csv> <YYYY-MM> [user] [password]}; prints
 * the records read, the lines written and the job's seconds.
 */
public final class StraightforwardDeduction {

    private static final int CHUNK = 1000;

    private StraightforwardDeduction() {}

    /** One register row as the reader maps it. */
    record RegisterRow(String matricule, long netPayXof, EmploymentStatus status) {}

    /** One computed line, as the writer inserts it. */
    public record Line(String contractId, String matricule, long dueXof, long amountXof, String reason) {}

    /** Whole francs, grouped with spaces or not, with an optional zero fraction. */
    private static long francs(String cell) {
        String digits = cell.replaceAll("[\\s\\u00a0\\u202f]", "");
        int fraction = Math.max(digits.indexOf(','), digits.indexOf('.'));
        return Long.parseLong(fraction < 0 ? digits : digits.substring(0, fraction));
    }

    public static void main(String[] args) throws Exception {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(args[0]);
        dataSource.setUsername(args.length > 3 ? args[3] : "sa");
        dataSource.setPassword(args.length > 4 ? args[4] : "");
        dataSource.setMaximumPoolSize(4);
        Path register = Path.of(args[1]);
        Period period = Period.parse(args[2]);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("DROP TABLE IF EXISTS bench_straightforward_line");
        jdbc.execute("CREATE TABLE bench_straightforward_line (contract_id VARCHAR(32), matricule VARCHAR(32),"
                + " due_xof BIGINT, amount_xof BIGINT, reason VARCHAR(20))");
        ResourcelessJobRepository repository = new ResourcelessJobRepository();
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);

        FlatFileItemReader<RegisterRow> reader = new FlatFileItemReaderBuilder<RegisterRow>()
                .name("register")
                .resource(new FileSystemResource(register))
                .encoding("UTF-8")
                .linesToSkip(1)
                .delimited()
                .names("period", "matricule", "full_name", "ministry_code", "net_pay_xof", "employment_status")
                .fieldSetMapper(fields -> new RegisterRow(
                        fields.readString("matricule").toUpperCase(Locale.ROOT),
                        francs(fields.readString("net_pay_xof")),
                        EmploymentStatus.valueOf(
                                fields.readString("employment_status").toUpperCase(Locale.ROOT))))
                .build();
        DeductionAllocator allocator = new DeductionAllocator(new CapRatio(1, 3));
        ItemProcessor<RegisterRow, List<Line>> processor = row -> {
            List<DueContract> due = new ArrayList<>();
            jdbc.query(
                    "SELECT c.contract_id, b.financed_xof, c.term_months, c.first_period,"
                            + " c.base_installment_xof, b.collected_xof FROM contract c"
                            + " JOIN contract_balance b ON b.contract_id = c.contract_id WHERE c.matricule = ?"
                            + " AND " + LedgerRules.isOpen("c") + " AND c.first_period <= ?",
                    rs -> {
                        Period first = Period.parse(rs.getString(4));
                        Balance balance = new Balance(
                                new InstallmentSchedule(rs.getLong(2), rs.getInt(3), first, rs.getLong(5)),
                                rs.getLong(6));
                        long dueXof = balance.dueXof(period);
                        if (dueXof > 0) {
                            due.add(new DueContract(rs.getString(1), row.matricule(), first, dueXof));
                        }
                    },
                    row.matricule(),
                    period.toString());
            if (due.isEmpty()) {
                return null;
            }
            List<Line> lines = new ArrayList<>();
            for (Instruction i :
                    allocator.allocate(new PayrollEntry(row.matricule(), row.netPayXof(), row.status()), due)) {
                lines.add(new Line(
                        i.contract().contractId(),
                        row.matricule(),
                        i.contract().dueXof(),
                        i.amountXof(),
                        i.reason() == null ? null : i.reason().name()));
            }
            return lines;
        };
        JdbcBatchItemWriter<Line> insert = new JdbcBatchItemWriterBuilder<Line>()
                .dataSource(dataSource)
                .sql("INSERT INTO bench_straightforward_line VALUES (?, ?, ?, ?, ?)")
                .itemPreparedStatementSetter((line, ps) -> {
                    ps.setString(1, line.contractId());
                    ps.setString(2, line.matricule());
                    ps.setLong(3, line.dueXof());
                    ps.setLong(4, line.amountXof());
                    ps.setString(5, line.reason());
                })
                .assertUpdates(false)
                .build();
        insert.afterPropertiesSet();
        ItemWriter<List<Line>> writer = chunk -> {
            Chunk<Line> lines = new Chunk<>();
            for (List<Line> item : chunk) {
                lines.addAll(item);
            }
            insert.write(lines);
        };
        Step step = new StepBuilder("deduct", repository)
                .<RegisterRow, List<Line>>chunk(CHUNK)
                .reader(reader)
                .processor(processor)
                .writer(writer)
                .transactionManager(transactions)
                .build();
        Job job = new JobBuilder("straightforwardDeduction", repository)
                .start(step)
                .build();

        JobParameters parameters = new JobParametersBuilder()
                .addString("period", period.toString())
                .toJobParameters();
        long t0 = System.nanoTime();
        JobInstance instance = repository.createJobInstance(job.getName(), parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        job.execute(execution);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long read = execution.getStepExecutions().stream()
                .mapToLong(StepExecution::getReadCount)
                .sum();
        Long written = jdbc.queryForObject("SELECT COUNT(*) FROM bench_straightforward_line", Long.class);
        jdbc.execute("DROP TABLE bench_straightforward_line");
        dataSource.close();
        System.out.printf(
                Locale.ROOT,
                "status=%s records=%d lines=%d job_s=%.3f%n",
                execution.getStatus(),
                read,
                written,
                seconds);
    }
}
