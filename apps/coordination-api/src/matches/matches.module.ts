import { DynamicModule, Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { ApproveDisbursementController } from './approve-disbursement/approve-disbursement.controller';
import { ApproveDisbursementHandler } from './approve-disbursement/approve-disbursement.handler';
import { CancelMatchController } from './cancel-match/cancel-match.controller';
import { CancelMatchHandler } from './cancel-match/cancel-match.handler';
import { CompleteMatchController } from './complete-match/complete-match.controller';
import { CompleteMatchHandler } from './complete-match/complete-match.handler';
import { DecommitFundsController } from './decommit-funds/decommit-funds.controller';
import { DecommitFundsHandler } from './decommit-funds/decommit-funds.handler';
import { ReverseDisbursementController } from './reverse-disbursement/reverse-disbursement.controller';
import { ReverseDisbursementHandler } from './reverse-disbursement/reverse-disbursement.handler';
import { CommitFundsController } from './commit-funds/commit-funds.controller';
import { CommitFundsHandler } from './commit-funds/commit-funds.handler';
import { ConfirmReceiptController } from './confirm-receipt/confirm-receipt.controller';
import { ConfirmReceiptHandler } from './confirm-receipt/confirm-receipt.handler';
import { DisbursementPolicies } from './disbursement-policies';
import { GetMatchController } from './get-match/get-match.controller';
import { GetMatchHandler } from './get-match/get-match.handler';
import { ListApprovalsController } from './list-approvals/list-approvals.controller';
import { ListApprovalsHandler } from './list-approvals/list-approvals.handler';
import { ListMatchesController } from './list-matches/list-matches.controller';
import { ListMatchesHandler } from './list-matches/list-matches.handler';
import { MakeMatchController } from './make-match/make-match.controller';
import { MakeMatchHandler } from './make-match/make-match.handler';
import { ReportExpenditureController } from './report-expenditure/report-expenditure.controller';
import { ReportExpenditureHandler } from './report-expenditure/report-expenditure.handler';
import { RequestDisbursementController } from './request-disbursement/request-disbursement.controller';
import { RequestDisbursementHandler } from './request-disbursement/request-disbursement.handler';
import { BudgetVsActualController } from './budget-vs-actual/budget-vs-actual.controller';
import { BudgetVsActualHandler } from './budget-vs-actual/budget-vs-actual.handler';
import { ReviewReportController } from './review-report/review-report.controller';
import { ReviewReportHandler } from './review-report/review-report.handler';
import { SetBudgetController } from './set-budget/set-budget.controller';
import { SetBudgetHandler } from './set-budget/set-budget.handler';

/** Matches and money (API.md): one slice per use case; controllers translate HTTP, handlers decide. */
@Module({})
export class MatchesModule {
  static forRoot(policies: DisbursementPolicies): DynamicModule {
    return {
      module: MatchesModule,
      imports: [CommandHandlingModule],
      controllers: [
        MakeMatchController,
        CommitFundsController,
        RequestDisbursementController,
        ApproveDisbursementController,
        ConfirmReceiptController,
        ReportExpenditureController,
        DecommitFundsController,
        ReverseDisbursementController,
        CompleteMatchController,
        CancelMatchController,
        ListMatchesController,
        ListApprovalsController,
        GetMatchController,
        SetBudgetController,
        ReviewReportController,
        BudgetVsActualController,
      ],
      providers: [
        { provide: DisbursementPolicies, useValue: policies },
        MakeMatchHandler,
        CommitFundsHandler,
        RequestDisbursementHandler,
        ApproveDisbursementHandler,
        ConfirmReceiptHandler,
        ReportExpenditureHandler,
        DecommitFundsHandler,
        ReverseDisbursementHandler,
        CompleteMatchHandler,
        CancelMatchHandler,
        ListMatchesHandler,
        ListApprovalsHandler,
        GetMatchHandler,
        SetBudgetHandler,
        ReviewReportHandler,
        BudgetVsActualHandler,
      ],
    };
  }
}
